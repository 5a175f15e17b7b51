package agora.notifications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import agora.test.AgoraTest;

/**
 * An {@link AgoraTest} whose email goes over SMTP to {@link TestMailServer#PORT}, with the delivery sweep on
 * (every 100 ms; retries start 30 s after a failure, on the test's clock) and short SMTP timeouts. The context is closed after the
 * class, so its sweep never picks up another context's emails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AgoraTest
@TestPropertySource(properties = {"agora.notifications.delivery.sweep=true",
        "agora.notifications.delivery.sweep-interval=100ms", "agora.notifications.delivery.resubmit-after=1h",
        "spring.mail.properties[mail.smtp.connectiontimeout]=2000", "spring.mail.properties[mail.smtp.timeout]=2000",
        "spring.mail.properties[mail.smtp.writetimeout]=2000"})
@ContextConfiguration(initializers = TestMailServer.Port.class)
@DirtiesContext
public @interface SmtpTest {
}
