package agora.test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.media.Pictures;

/** Images uploaded through {@code POST /api/images}, for tests of what attaches them. */
public final class Uploads {

    private Uploads() {
    }

    /** Uploads a fresh 400 x 300 PNG as the user and answers the image's id. */
    public static String upload(MockMvc mvc, Api.SignedUp user) throws Exception {
        var body = mvc.perform(multipart("/api/images")
                .file(new MockMultipartFile("file", "picture.png", "image/png", Pictures.png(400, 300)))
                .header("Authorization", user.authorization()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.image.id");
    }

    /** The HTTP status a GET of an image URL answers (200 while it exists, 404 once deleted). */
    public static int httpStatus(MockMvc mvc, String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse().getStatus();
    }
}
