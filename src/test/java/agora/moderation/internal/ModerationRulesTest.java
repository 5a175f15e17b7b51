package agora.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import agora.accounts.Role;
import agora.platform.ApiException;

/** The pure rules of reports, suspensions, roles and the queue's cursor. */
class ModerationRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aReportIsTrimmedAndItsFieldsChecked() {
        assertThat(ReportRules.check("post", " hello ", "spam", "  ")).isEqualTo(
                new ReportRules.NewReport(SubjectKind.POST, "hello", ReportReason.SPAM, null));
        assertThat(ReportRules.check("user", "bob", "other", " impersonates me ").text()).isEqualTo("impersonates me");
        assertThatThrownBy(() -> ReportRules.check(null, null, null, null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("kind", "subject", "reason"));
        assertThatThrownBy(() -> ReportRules.check("user", "bob", "other", null)).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(e.errors()).containsOnlyKeys("text"));
        assertThatThrownBy(() -> ReportRules.check("POST", "x", "spam", null)).isInstanceOf(ApiException.class);
        assertThat(ReportRules.check("user", "bob", "spam", "t".repeat(1000)).text()).hasSize(1000);
        assertThatThrownBy(() -> ReportRules.check("user", "bob", "spam", "t".repeat(1001)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void oneOpenKeyPerReporterAndSubject() {
        assertThat(ReportRules.openKey(7, SubjectKind.POST, "hello")).isEqualTo("7:post:hello")
                .isNotEqualTo(ReportRules.openKey(8, SubjectKind.POST, "hello"))
                .isNotEqualTo(ReportRules.openKey(7, SubjectKind.USER, "hello"));
    }

    @Test
    void nobodyReportsWhatTheyOwn() {
        assertThatThrownBy(() -> ReportRules.checkNotOwn(5, new ReportedSubject(SubjectKind.USER, "me", 5)))
                .hasMessageContaining("you cannot report yourself");
        ReportRules.checkNotOwn(5, new ReportedSubject(SubjectKind.POST, "theirs", 6));
    }

    @Test
    void aSuspensionEndsInTheFutureOrNever() {
        assertThat(SuspensionRules.until(null, NOW)).isNull();
        assertThat(SuspensionRules.until("2026-12-05T10:00:00Z", NOW)).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        assertThatThrownBy(() -> SuspensionRules.until("2026-12-04T10:00:00Z", NOW)).hasMessageContaining("future");
        assertThatThrownBy(() -> SuspensionRules.until("tomorrow", NOW)).hasMessageContaining("ISO-8601");
        assertThat(SuspensionRules.detail(null)).isEqualTo("for good");
        assertThat(SuspensionRules.detail(NOW)).isEqualTo("until 2026-12-04T10:00:00.000Z");
    }

    @Test
    void nobodyActsOnThemselfOrOnAnAdmin() {
        assertThatThrownBy(() -> SuspensionRules.checkMayActOn(1, 1, Set.of(), "suspend"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(422));
        assertThatThrownBy(() -> SuspensionRules.checkMayActOn(1, 2, EnumSet.allOf(Role.class), "suspend"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        SuspensionRules.checkMayActOn(1, 2, EnumSet.of(Role.MODERATOR), "suspend");
    }

    @Test
    void rolesAreNamedInLowerCase() {
        assertThat(RoleNames.parse(List.of("moderator"))).containsExactly(Role.MODERATOR);
        assertThat(RoleNames.parse(List.of())).isEmpty();
        assertThatThrownBy(() -> RoleNames.parse(List.of("MODERATOR"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> RoleNames.parse(null)).isInstanceOf(ApiException.class);
        assertThat(RoleNames.describe(EnumSet.allOf(Role.class))).isEqualTo("moderator, admin");
        assertThat(RoleNames.describe(Set.of())).isEqualTo("none");
    }

    @Test
    void theQueueCursorRoundTripsAndRefusesForeignOnes() {
        var cursor = new QueueCursor(Instant.parse("2026-12-04T10:00:00.123456Z"), SubjectKind.POST, "a:b:c");
        assertThat(QueueCursor.parse(cursor.encode())).contains(cursor);
        assertThat(QueueCursor.parse("bm90IG91cnM")).isEmpty();
        assertThat(QueueCursor.parse("%%%")).isEmpty();
    }
}
