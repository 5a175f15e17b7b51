package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;

/** Roles: stored per user, carried by new tokens (old ones are revoked), shown in the user JSON. */
@AgoraTest
class RolesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountModeration moderation;

    @Autowired
    UserDirectory directory;

    long idOf(Api.SignedUp user) {
        return directory.findByUsername(user.username()).orElseThrow().id();
    }

    @Test
    void aNewUserHasNoRoles() throws Exception {
        var user = Api.signUp(mvc, "plain");
        assertThat(moderation.roles(idOf(user))).isEmpty();
        mvc.perform(get("/api/user").header("Authorization", user.authorization()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.roles", Matchers.empty()));
    }

    @Test
    void aModeratorsNewTokenCarriesTheRoleAndTheOldOneIsRevoked() throws Exception {
        var user = Api.signUp(mvc, "mod");
        moderation.changeRoles(idOf(user), Set.of(Role.MODERATOR));

        assertThat(moderation.roles(idOf(user))).containsExactly(Role.MODERATOR);
        mvc.perform(get("/api/user").header("Authorization", user.authorization()))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(Api.loginJson(user.email(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.roles", Matchers.contains("moderator")));
        var token = Api.login(mvc, user.email(), PASSWORD);
        mvc.perform(get("/api/user").header("Authorization", "Token " + token))
                .andExpect(jsonPath("$.user.roles", Matchers.contains("moderator")));
        // The admin-only part of the admin area stays closed to a moderator.
        mvc.perform(get("/api/admin/search/status").header("Authorization", "Token " + token))
                .andExpect(status().isForbidden());
    }

    @Test
    void aNonModeratorIsForbiddenTheAdminArea() throws Exception {
        var user = Api.signUp(mvc, "nomod");
        mvc.perform(get("/api/admin/search/status").header("Authorization", user.authorization()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void anAdminIsAModeratorTooAndMayTakeTheRolesAway() throws Exception {
        // Another admin stays, so taking this one's role away leaves the admin area an admin.
        moderation.changeRoles(idOf(Api.signUp(mvc, "adm2")), Set.of(Role.ADMIN));
        var user = Api.signUp(mvc, "adm");
        moderation.changeRoles(idOf(user), Set.of(Role.ADMIN));
        assertThat(moderation.roles(idOf(user))).containsExactlyInAnyOrder(Role.MODERATOR, Role.ADMIN);
        var token = Api.login(mvc, user.email(), PASSWORD);
        mvc.perform(get("/api/user").header("Authorization", "Token " + token))
                .andExpect(jsonPath("$.user.roles", Matchers.contains("moderator", "admin")));
        mvc.perform(get("/api/admin/search/status").header("Authorization", "Token " + token))
                .andExpect(status().isOk());

        moderation.changeRoles(idOf(user), Set.of());
        assertThat(moderation.roles(idOf(user))).isEmpty();
        mvc.perform(get("/api/user").header("Authorization", "Token " + token)).andExpect(status().isUnauthorized());
        var plain = Api.login(mvc, user.email(), PASSWORD);
        mvc.perform(get("/api/admin/search/status").header("Authorization", "Token " + plain))
                .andExpect(status().isForbidden());
    }

    @Test
    void unknownUsersAreRefused() {
        assertThatThrownBy(() -> moderation.roles(Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> moderation.changeRoles(Long.MAX_VALUE, Set.of(Role.MODERATOR)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
