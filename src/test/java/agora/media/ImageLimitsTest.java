package agora.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/** The limits on uploads, set low here: bytes, pixels and uploads per user per day. */
@AgoraTest
@TestPropertySource(properties = { "agora.media.max-bytes=200KB", "agora.media.max-pixels=1000000",
        "agora.media.uploads-per-day=3" })
class ImageLimitsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Test
    void anUploadOverMaxBytesIs413() throws Exception {
        var user = Api.signUp(mvc, "heavy");
        var noise = new BufferedImage(900, 900, BufferedImage.TYPE_INT_RGB);
        var random = new Random(7);
        for (int y = 0; y < 900; y++) {
            for (int x = 0; x < 900; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        var png = Pictures.encode(noise, "png");
        assertThat(png.length).isGreaterThan(200 * 1024);
        mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "noise.png", "image/png", png))
                .header("Authorization", user.authorization()))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.file[0]").value("is larger than 204800 bytes"));
    }

    @Test
    void anUploadOverMaxPixelsIs422() throws Exception {
        var user = Api.signUp(mvc, "wide");
        mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "wide.png", "image/png",
                Pictures.png(1001, 1000))).header("Authorization", user.authorization()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.file[0]").value("is 1001 x 1000 pixels; at most 1000000 pixels are accepted"));
        ImageApi.upload(mvc, user, "ok.png", "image/png", Pictures.png(1000, 1000));
    }

    @Test
    void uploadsPerDayAreLimitedPerUserAndDeletingDoesNotGiveThemBack() throws Exception {
        var user = Api.signUp(mvc, "busy");
        var first = ImageApi.upload(mvc, user);
        clock.advance(Duration.ofHours(1));
        ImageApi.upload(mvc, user);
        ImageApi.upload(mvc, user);
        mvc.perform(delete("/api/images/" + first.id()).header("Authorization", user.authorization()))
                .andExpect(status().isNoContent());
        mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "p.jpg", "image/jpeg",
                Pictures.jpeg(50, 50))).header("Authorization", user.authorization()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                // The first upload leaves the 24-hour window in 23 hours.
                .andExpect(header().string("Retry-After", String.valueOf(Duration.ofHours(23).toSeconds())));

        ImageApi.upload(mvc, Api.signUp(mvc, "idle"));

        clock.advance(Duration.ofHours(23).plusSeconds(1));
        ImageApi.upload(mvc, user);
    }
}
