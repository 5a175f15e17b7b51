package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import agora.accounts.Role;
import agora.accounts.Suspension;

/** The pure rules behind roles, suspension notices, the log's cursor and its truncation. */
class SecurityRulesTest {

    @Test
    void rolesAreALadder() {
        assertThat(User.Role.USER.granted()).isEmpty();
        assertThat(User.Role.MODERATOR.granted()).containsExactly(Role.MODERATOR);
        assertThat(User.Role.ADMIN.granted()).containsExactly(Role.MODERATOR, Role.ADMIN);
        assertThat(User.Role.granting(Set.of())).isEqualTo(User.Role.USER);
        assertThat(User.Role.granting(Set.of(Role.MODERATOR))).isEqualTo(User.Role.MODERATOR);
        assertThat(User.Role.granting(Set.of(Role.ADMIN))).isEqualTo(User.Role.ADMIN);
        assertThat(User.Role.granting(Set.of(Role.ADMIN, Role.MODERATOR))).isEqualTo(User.Role.ADMIN);
    }

    @Test
    void aSuspensionNoticeNamesTheEndAndTheReason() {
        var since = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(AccountSuspended.describe(new Suspension(1, since, Instant.parse("2026-12-10T00:00:00Z"), "spam")))
                .isEqualTo("suspended until 2026-12-10T00:00:00.000Z: spam");
        assertThat(AccountSuspended.describe(new Suspension(1, since, null, "fraud")))
                .isEqualTo("suspended permanently: fraud");
    }

    @Test
    void cursorsRoundTripAndStrangersAreRefused() {
        assertThat(SecurityEventCursor.parse(SecurityEventCursor.of(42))).contains(42L);
        assertThat(SecurityEventCursor.parse("not base64 !")).isEmpty();
        assertThat(SecurityEventCursor.parse(SecurityEventCursor.of(42).replace("czE", "bjE"))).isEmpty();
        assertThat(SecurityEventCursor.parse("")).isEmpty();
    }

    @Test
    void longTextIsCutWithoutSplittingACharacter() {
        assertThat(SecurityEvent.truncate(null, 5)).isNull();
        assertThat(SecurityEvent.truncate("short", 5)).isEqualTo("short");
        assertThat(SecurityEvent.truncate("longer text", 6)).isEqualTo("longer");
        assertThat(SecurityEvent.truncate("abcd\uD83D\uDE00", 5)).isEqualTo("abcd");
    }
}
