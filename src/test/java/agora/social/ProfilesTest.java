package agora.social;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;

@AgoraTest
class ProfilesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void showsAProfileToAnyoneAndFollowingToTheSignedIn() throws Exception {
        var reader = Api.signUp(mvc, "reader");
        var celeb = Api.signUp(mvc, "celeb");
        mvc.perform(get("/api/profiles/{u}", celeb.username()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.username").value(celeb.username()))
                .andExpect(jsonPath("$.profile.bio").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.profile.image").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.profile.following").value(false));

        // RealWorld's suite sends a body with the follow; it is ignored.
        mvc.perform(post("/api/profiles/{u}/follow", celeb.username()).header("Authorization", reader.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"email\":\"x@example.com\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.following").value(true));
        mvc.perform(get("/api/profiles/{u}", celeb.username().toUpperCase()).header("Authorization", reader.authorization()))
                .andExpect(jsonPath("$.profile.following").value(true));
        mvc.perform(get("/api/profiles/{u}", celeb.username()))
                .andExpect(jsonPath("$.profile.following").value(false));
        // Following twice is the same as once.
        SocialApi.follow(mvc, reader, celeb);

        mvc.perform(delete("/api/profiles/{u}/follow", celeb.username()).header("Authorization", reader.authorization()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.following").value(false));
        mvc.perform(get("/api/profiles/{u}", celeb.username()).header("Authorization", reader.authorization()))
                .andExpect(jsonPath("$.profile.following").value(false));
        mvc.perform(delete("/api/profiles/{u}/follow", celeb.username()).header("Authorization", reader.authorization()))
                .andExpect(status().isOk());
    }

    @Test
    void refusesUnknownUsersAnonymousFollowsAndFollowingOneself() throws Exception {
        var reader = Api.signUp(mvc, "lonely");
        mvc.perform(get("/api/profiles/no-such-user-xyz")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors.body[0]").value("profile not found"));
        mvc.perform(post("/api/profiles/no-such-user-xyz/follow").header("Authorization", reader.authorization()))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/profiles/no-such-user-xyz/follow").header("Authorization", reader.authorization()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/profiles/{u}/follow", reader.username())).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/profiles/{u}/follow", reader.username())).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/profiles/{u}/follow", reader.username()).header("Authorization", reader.authorization()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.username[0]").value(Matchers.containsString("yourself")));
    }
}
