package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.accounts.internal.Suspensions;
import agora.platform.Timestamps;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/** Suspension: sign-in refused with the end and the reason, sessions revoked, the end by itself, and standing. */
@AgoraTest
@RecordApplicationEvents
class SuspensionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountModeration moderation;

    @Autowired
    AccountStanding standing;

    @Autowired
    Suspensions suspensions;

    @Autowired
    UserDirectory directory;

    @Autowired
    ApplicationEvents events;

    long idOf(Api.SignedUp user) {
        return directory.findByUsername(user.username()).orElseThrow().id();
    }

    MockHttpServletResponse login(String email, String password) throws Exception {
        return mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(Api.loginJson(email, password))).andReturn().getResponse();
    }

    int currentUser(String token) throws Exception {
        return mvc.perform(get("/api/user").header("Authorization", "Token " + token)).andReturn().getResponse()
                .getStatus();
    }

    @Test
    void aSuspendedUserCannotSignInAndLearnsUntilWhenAndWhy() throws Exception {
        var user = Api.signUp(mvc, "susp");
        var until = clock.instant().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        moderation.suspend(idOf(user), until, "spam in comments");

        var refused = login(user.email(), PASSWORD);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        var body = refused.getContentAsString();
        assertThat((List<String>) JsonPath.read(body, "$.errors.account"))
                .containsExactly("suspended until " + Timestamps.format(until) + ": spam in comments");
        assertThat((String) JsonPath.read(body, "$.suspendedUntil")).isEqualTo(Timestamps.format(until));
        assertThat((String) JsonPath.read(body, "$.suspensionReason")).isEqualTo("spam in comments");
    }

    @Test
    void aPermanentSuspensionSaysSo() throws Exception {
        var user = Api.signUp(mvc, "forgood");
        moderation.suspend(idOf(user), null, "fraud");

        var refused = login(user.email(), PASSWORD);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat((List<String>) JsonPath.read(refused.getContentAsString(), "$.errors.account"))
                .containsExactly("suspended permanently: fraud");
        assertThat(refused.getContentAsString()).contains("\"suspendedUntil\":null");
    }

    @Test
    void aWrongPasswordDoesNotRevealTheSuspension() throws Exception {
        var user = Api.signUp(mvc, "hidden");
        moderation.suspend(idOf(user), null, "fraud");

        var refused = login(user.email(), "not-the-password-at-all");
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentAsString()).doesNotContain("suspend");
    }

    @Test
    void suspendingRevokesEverySessionAtOnce() throws Exception {
        var user = Api.signUp(mvc, "revoked");
        var second = Api.login(mvc, user.email(), PASSWORD);
        assertThat(currentUser(user.token())).isEqualTo(200);
        assertThat(currentUser(second)).isEqualTo(200);

        moderation.suspend(idOf(user), clock.instant().plus(Duration.ofDays(1)), "cooling off");

        assertThat(currentUser(user.token())).isEqualTo(401);
        assertThat(currentUser(second)).isEqualTo(401);
        assertThat(events.stream(UserSuspended.class).filter(e -> e.userId() == idOf(user)))
                .singleElement().extracting(UserSuspended::reason).isEqualTo("cooling off");
    }

    @Test
    void standingAnswersForOneAndForMany() throws Exception {
        var suspended = Api.signUp(mvc, "standing");
        var fine = Api.signUp(mvc, "fine");
        assertThat(standing.isSuspended(idOf(suspended))).isFalse();

        var until = clock.instant().plus(Duration.ofHours(3));
        moderation.suspend(idOf(suspended), until, "abuse");

        assertThat(standing.isSuspended(idOf(suspended))).isTrue();
        assertThat(standing.isSuspended(idOf(fine))).isFalse();
        assertThat(standing.suspension(idOf(suspended))).hasValueSatisfying(s -> {
            assertThat(s.until()).isEqualTo(until);
            assertThat(s.reason()).isEqualTo("abuse");
            assertThat(s.isForGood()).isFalse();
        });
        assertThat(standing.suspendedAmong(List.of(idOf(suspended), idOf(fine), -1L)))
                .containsExactly(idOf(suspended));
        assertThat(standing.suspendedAmong(List.of())).isEmpty();
    }

    @Test
    void aTimedSuspensionEndsByItselfAndItsEndIsAnnouncedOnce() throws Exception {
        var user = Api.signUp(mvc, "expiry");
        var id = idOf(user);
        moderation.suspend(id, clock.instant().plus(Duration.ofDays(2)), "a break");
        assertThat(login(user.email(), PASSWORD).getStatus()).isEqualTo(403);

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        // Out of force at once, before the job has run.
        assertThat(standing.isSuspended(id)).isFalse();
        assertThat(standing.suspendedAmong(List.of(id))).isEmpty();
        assertThat(login(user.email(), PASSWORD).getStatus()).isEqualTo(200);

        suspensions.liftRunOut();
        suspensions.liftRunOut();
        assertThat(events.stream(SuspensionLifted.class).filter(e -> e.userId() == id)).hasSize(1);
    }

    @Test
    void liftingEndsItNowAndOnlyOnce() throws Exception {
        var user = Api.signUp(mvc, "lifted");
        var id = idOf(user);
        moderation.suspend(id, null, "mistake");
        assertThat(login(user.email(), PASSWORD).getStatus()).isEqualTo(403);

        assertThat(moderation.liftSuspension(id)).isTrue();
        assertThat(moderation.liftSuspension(id)).isFalse();
        assertThat(login(user.email(), PASSWORD).getStatus()).isEqualTo(200);
        assertThat(standing.isSuspended(id)).isFalse();
        assertThat(events.stream(SuspensionLifted.class).filter(e -> e.userId() == id)).hasSize(1);
    }

    @Test
    void suspendingAgainReplacesTheSuspension() throws Exception {
        var user = Api.signUp(mvc, "again");
        var id = idOf(user);
        moderation.suspend(id, clock.instant().plus(Duration.ofDays(1)), "first");
        moderation.suspend(id, null, "second");
        assertThat(standing.suspension(id)).hasValueSatisfying(s -> {
            assertThat(s.isForGood()).isTrue();
            assertThat(s.reason()).isEqualTo("second");
        });
    }

    @Test
    void anAdminCannotBeSuspended() throws Exception {
        var user = Api.signUp(mvc, "boss");
        var id = idOf(user);
        moderation.changeRoles(id, Set.of(Role.ADMIN));

        assertThatThrownBy(() -> moderation.suspend(id, null, "coup")).isInstanceOf(IllegalStateException.class);
        assertThat(standing.isSuspended(id)).isFalse();
        assertThat(login(user.email(), PASSWORD).getStatus()).isEqualTo(200);
    }

    @Test
    void badSuspensionsAreRefused() throws Exception {
        var id = idOf(Api.signUp(mvc, "badsusp"));
        assertThatThrownBy(() -> moderation.suspend(id, null, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> moderation.suspend(id, clock.instant().minusSeconds(1), "past"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> moderation.suspend(Long.MAX_VALUE, null, "nobody"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(standing.isSuspended(id)).isFalse();
    }
}
