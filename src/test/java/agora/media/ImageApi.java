package agora.media;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.test.Api;

/** Common moves of image tests: upload through HTTP, read the answer, fetch a served file. */
public final class ImageApi {

    private ImageApi() {
    }

    /** An upload's answer: the image's id, dimensions and URLs. */
    public record Uploaded(String id, int width, int height, String small, String medium, String large) {

        public List<String> urls() {
            return List.of(small, medium, large);
        }
    }

    public static Uploaded upload(MockMvc mvc, Api.SignedUp user, String name, String declaredType, byte[] bytes)
            throws Exception {
        var body = mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", name, declaredType, bytes))
                .header("Authorization", user.authorization()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Uploaded(JsonPath.read(body, "$.image.id"), JsonPath.read(body, "$.image.width"),
                JsonPath.read(body, "$.image.height"), JsonPath.read(body, "$.image.urls.small"),
                JsonPath.read(body, "$.image.urls.medium"), JsonPath.read(body, "$.image.urls.large"));
    }

    public static Uploaded upload(MockMvc mvc, Api.SignedUp user) throws Exception {
        return upload(mvc, user, "photo.jpg", "image/jpeg", Pictures.jpeg(300, 200));
    }

    public static byte[] served(MockMvc mvc, String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    public static int statusOf(MockMvc mvc, String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse().getStatus();
    }
}
