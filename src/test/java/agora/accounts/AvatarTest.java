package agora.accounts;

import static agora.test.Api.PASSWORD;
import static agora.media.ImageApi.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import agora.media.Images;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.media.ImageApi;

/** An uploaded image as the avatar: {@code image} becomes its URL, and replaced or deleted avatars go. */
@AgoraTest
class AvatarTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Images images;

    ResultActions setImage(Api.SignedUp user, String image) throws Exception {
        return mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"image\":\"" + image + "\"}}"));
    }

    String image(Api.SignedUp user) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/user").header("Authorization", user.authorization()))
                .andReturn().getResponse().getContentAsString(), "$.user.image");
    }

    @Test
    void anUploadBecomesTheAvatarAndTheOneItReplacesIsDeleted() throws Exception {
        var user = Api.signUp(mvc, "portrait");
        var first = ImageApi.upload(mvc, user).id();
        var medium = images.links(List.of(first)).get(first).medium();

        setImage(user, first).andExpect(status().isOk()).andExpect(jsonPath("$.user.image").value(medium));
        mvc.perform(get("/api/profiles/" + user.username())).andExpect(jsonPath("$.profile.image").value(medium));
        assertThat(statusOf(mvc, medium)).isEqualTo(200);

        // A client that sends its user back unchanged (RealWorld's settings form) keeps the avatar.
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"bio\":\"hi\",\"image\":\"" + medium + "\"}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.user.image").value(medium));
        assertThat(statusOf(mvc, medium)).isEqualTo(200);

        var second = ImageApi.upload(mvc, user).id();
        setImage(user, second).andExpect(status().isOk());
        var secondMedium = images.links(List.of(second)).get(second).medium();
        assertThat(image(user)).isEqualTo(secondMedium);
        assertThat(statusOf(mvc, medium)).isEqualTo(404);

        // A URL still works, and the uploaded avatar it replaces goes.
        setImage(user, "https://img.example.com/me.png").andExpect(status().isOk())
                .andExpect(jsonPath("$.user.image").value("https://img.example.com/me.png"));
        assertThat(statusOf(mvc, secondMedium)).isEqualTo(404);
    }

    @Test
    void refusesSomeoneElsesImageAndUnknownIds() throws Exception {
        var user = Api.signUp(mvc, "borrower");
        var other = Api.signUp(mvc, "lender");
        var theirs = ImageApi.upload(mvc, other).id();
        setImage(user, theirs).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.image").exists());
        setImage(user, "img_doesnotexist0000000").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.image").exists());
        assertThat(image(user)).isNull();
        // Relative URLs are only accepted as the avatar the user already has.
        setImage(user, "/images/elsewhere.png").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.image[0]").value("must be an http(s) URL"));
    }

    @Test
    void deletingTheAccountDeletesEveryImageTheUserUploaded() throws Exception {
        var user = Mailbox.signUpVerified(mvc, "departing");
        var avatar = ImageApi.upload(mvc, user).id();
        var photo = ImageApi.upload(mvc, user).id();
        var loose = ImageApi.upload(mvc, user).id();
        setImage(user, avatar).andExpect(status().isOk());
        mvc.perform(post("/api/products").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"product":{"title":"Lamp","price":{"amount":900,"currency":"EUR"},"stock":1,"images":["%s"]}}"""
                        .formatted(photo)))
                .andExpect(status().isCreated());
        var links = images.links(List.of(avatar, photo, loose));
        assertThat(links).hasSize(3);

        mvc.perform(delete("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isNoContent());

        assertThat(images.links(List.of(avatar, photo, loose))).isEmpty();
        for (var link : links.values()) {
            assertThat(statusOf(mvc, link.small())).isEqualTo(404);
        }
    }
}
