package agora.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Hands emails to the configured SMTP server ({@code spring.mail.*}). Uses the JavaMail transport itself
 * rather than {@code JavaMailSender.send}, because only it tells which message the server accepted: once
 * {@code sendMessage} returns, the server has answered 250 to the data, and a failure after that (closing
 * the connection, say) must not make us send the email again.
 */
class SmtpRelay implements MailDrop {

    static final String VIA = "smtp";
    private static final Logger log = LoggerFactory.getLogger(SmtpRelay.class);

    private final JavaMailSenderImpl mail;
    private final InternetAddress from;

    SmtpRelay(JavaMailSenderImpl mail, InternetAddress from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Connection open() {
        return new Connection() {

            private Transport transport;

            @Override
            public Delivery send(OutgoingEmail email) {
                MimeMessage message;
                try {
                    message = message(email);
                } catch (AddressException e) {
                    return new Delivery.Rejected("invalid address: " + e.getMessage());
                } catch (MessagingException e) {
                    return new Delivery.Rejected("cannot build the message: " + e.getMessage());
                }
                try {
                    if (transport == null || !transport.isConnected()) {
                        transport = mail.getSession().getTransport(mail.getProtocol());
                        transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
                    }
                    transport.sendMessage(message, message.getAllRecipients());
                    return new Delivery.Accepted(VIA, false);
                } catch (MessagingException | IllegalStateException e) {
                    close();
                    return SmtpFailures.classify(e);
                }
            }

            @Override
            public void close() {
                if (transport == null) {
                    return;
                }
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("Closing the SMTP connection failed; every message it accepted stays accepted", e);
                }
                transport = null;
            }
        };
    }

    private MimeMessage message(OutgoingEmail email) throws MessagingException {
        var message = new StableIdMessage(mail.getSession(), email.messageId());
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(email.createdAt()));
        message.setHeader("Auto-Submitted", "auto-generated");
        for (var header : email.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        var text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name());
        var html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        var alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    /** A message whose Message-ID is ours, the same on every attempt, instead of a fresh one per save. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(jakarta.mail.Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
