package agora.notifications.internal;

import java.util.HashSet;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Tells a permanent SMTP failure from a transient one. A 5xx reply means the server will never take this
 * email; anything else (4xx replies, no connection, a dropped connection, failed authentication, which
 * configuration can fix) is worth another attempt.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static Delivery classify(Exception failure) {
        var code = replyCode(failure);
        var reason = code > 0 ? "SMTP " + code + ": " + failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return code >= 500 && code < 600 ? new Delivery.Rejected(reason) : new Delivery.Retry(reason);
    }

    /**
     * A reason fit for the log: server replies may quote the recipient's address, so only their code is
     * kept (the full reason stays in the outbox row).
     */
    static String summary(String reason) {
        var colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    /** The first SMTP reply code in the failure's chain (causes and JavaMail's next exceptions); 0 if none. */
    static int replyCode(Throwable failure) {
        var seen = new HashSet<Throwable>();
        for (var current = failure; current != null && seen.add(current); current = next(current)) {
            var code = switch (current) {
                case SMTPAddressFailedException e -> e.getReturnCode();
                case SMTPSenderFailedException e -> e.getReturnCode();
                case SMTPSendFailedException e -> e.getReturnCode();
                default -> 0;
            };
            if (code > 0) {
                return code;
            }
        }
        return 0;
    }

    private static Throwable next(Throwable failure) {
        if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return failure.getCause();
    }
}
