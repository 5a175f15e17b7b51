package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import agora.accounts.UserDirectory;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/** The security log forgets entries past the retention period, and keeps each user's newest few only. */
@AgoraTest
class SecurityLogPruningTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    SecurityLog securityLog;

    @Autowired
    SecurityEventRepository repository;

    @Autowired
    SecurityLogProperties properties;

    @Autowired
    UserDirectory directory;

    long newUser(String prefix) throws Exception {
        return directory.findByUsername(Api.signUp(mvc, prefix).username()).orElseThrow().id();
    }

    @Test
    void theRetentionDefaultsTo180Days() {
        assertThat(properties.retention()).isEqualTo(Duration.ofDays(180));
        assertThat(properties.maxPerUser()).isEqualTo(1000);
    }

    @Test
    void entriesPastTheRetentionPeriodAreForgotten() throws Exception {
        var id = newUser("retention");
        securityLog.withoutClient(id, SecurityEventKind.SUSPENDED, "old");
        clock.advance(Duration.ofDays(100));
        securityLog.withoutClient(id, SecurityEventKind.SUSPENSION_LIFTED, "recent");
        clock.advance(Duration.ofDays(81));

        securityLog.prune();

        assertThat(securityLog.page(id, null, 10).events()).extracting(SecurityEvent::detail).containsExactly("recent");
    }

    @Test
    void eachUserKeepsOnlyTheNewestEntriesBeyondTheBound() throws Exception {
        var busy = newUser("busy");
        var quiet = newUser("quiet");
        for (int i = 0; i < 7; i++) {
            securityLog.withoutClient(busy, SecurityEventKind.SIGN_IN_FAILED, "attempt " + i);
        }
        securityLog.withoutClient(quiet, SecurityEventKind.SIGN_IN_FAILED, "only one");

        repository.trimTo(3);

        assertThat(securityLog.page(busy, null, 10).events()).extracting(SecurityEvent::detail)
                .containsExactly("attempt 6", "attempt 5", "attempt 4");
        assertThat(securityLog.page(quiet, null, 10).events()).hasSize(1);
    }
}
