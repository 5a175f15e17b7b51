package agora.test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Pictures for tests, made in code, and their upload through {@code POST /api/images}. */
public final class Pictures {

    private Pictures() {
    }

    /** A PNG of the given size: a coloured field with a white square in the middle. */
    public static byte[] png(int width, int height, Color colour) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Uploads a fresh 400 x 300 PNG as the user and answers the image's id. */
    public static String upload(MockMvc mvc, Api.SignedUp user) throws Exception {
        return upload(mvc, user, png(400, 300, Color.ORANGE));
    }

    public static String upload(MockMvc mvc, Api.SignedUp user, byte[] content) throws Exception {
        var body = mvc.perform(multipart("/api/images")
                .file(new MockMultipartFile("file", "picture.png", "image/png", content))
                .header("Authorization", user.authorization()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.image.id");
    }

    /** The HTTP status a GET of an image URL answers (200 while it exists, 404 once deleted). */
    public static int httpStatus(MockMvc mvc, String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse().getStatus();
    }
}
