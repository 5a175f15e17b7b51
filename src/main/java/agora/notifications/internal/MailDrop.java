package agora.notifications.internal;

/** Where emails are handed over: an SMTP server, or the development mailbox. */
interface MailDrop {

    /** Opens a connection for a run of emails; close it when done. */
    Connection open();

    interface Connection extends AutoCloseable {

        Delivery send(OutgoingEmail email);

        @Override
        void close();
    }
}
