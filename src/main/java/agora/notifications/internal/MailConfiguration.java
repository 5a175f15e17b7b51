package agora.notifications.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Chooses where emails go: the SMTP server when {@code spring.mail.host} is set, otherwise the development
 * mailbox. Production must name an SMTP server; it refuses to start without one.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /** Whether the development mailbox stands in for an SMTP server: no host configured, not production. */
    static boolean usesDevMailbox(Environment environment) {
        var host = environment.getProperty("spring.mail.host");
        return (host == null || host.isBlank()) && !environment.acceptsProfiles(Profiles.of("prod"));
    }

    @Bean
    MailDrop mailDrop(Environment environment, ObjectProvider<JavaMailSenderImpl> smtp, NotificationsProperties properties) {
        if (usesDevMailbox(environment)) {
            return new DevMailbox();
        }
        var sender = smtp.getIfAvailable();
        if (sender == null || sender.getHost() == null || sender.getHost().isBlank()) {
            throw new IllegalStateException("SPRING_MAIL_HOST (spring.mail.host) must name the SMTP server in the "
                    + "'prod' profile; see docs/email.md");
        }
        return new SmtpRelay(sender, sender(properties));
    }

    @Bean
    Mailroom.MessageIds messageIds(NotificationsProperties properties) {
        var address = sender(properties).getAddress();
        return new Mailroom.MessageIds(address.substring(address.indexOf('@') + 1));
    }

    private static InternetAddress sender(NotificationsProperties properties) {
        try {
            var from = new InternetAddress(properties.from(), true);
            if (from.getAddress() == null || !from.getAddress().contains("@")) {
                throw new AddressException("no domain", properties.from());
            }
            return from;
        } catch (AddressException | NullPointerException e) {
            throw new IllegalStateException("AGORA_NOTIFICATIONS_FROM (agora.notifications.from) must be an email "
                    + "address such as 'Agora <no-reply@agora.example>'", e);
        }
    }
}
