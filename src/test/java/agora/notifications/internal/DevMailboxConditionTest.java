package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevMailboxConditionTest {

    @Test
    void standsInOnlyWithoutSmtpHostAndOutsideProduction() {
        assertThat(MailConfiguration.usesDevMailbox(new MockEnvironment())).isTrue();
        assertThat(MailConfiguration.usesDevMailbox(new MockEnvironment().withProperty("spring.mail.host", " "))).isTrue();
        assertThat(MailConfiguration.usesDevMailbox(new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com")))
                .isFalse();
        var production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThat(MailConfiguration.usesDevMailbox(production)).isFalse();
    }
}
