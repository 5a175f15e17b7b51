package agora.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.jayway.jsonpath.JsonPath;

import agora.test.Api;

/**
 * Uploads through a real servlet container, where the container parses multipart bodies: an upload larger than
 * the JSON body limit (1 MB) but within {@code agora.media.max-bytes} is taken, a larger one is refused with 413
 * in the error shape before it is buffered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "agora.media.max-bytes=3MB")
@ActiveProfiles("test")
class ImageUploadServerTest {

    static final String BOUNDARY = "agora-test-boundary";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String signUp() throws Exception {
        var name = Api.uniqueName("server");
        var response = http.send(HttpRequest.newBuilder(uri("/api/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.userJson(name, name + "@example.com", Api.PASSWORD)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.user.token");
    }

    HttpResponse<String> upload(String token, byte[] file) throws Exception {
        var body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(file);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return http.send(HttpRequest.newBuilder(uri("/api/images")).header("Authorization", "Token " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Random pixels: a JPEG that compresses badly, so it is large. */
    static byte[] noisyJpeg(int side) {
        var image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        var random = new Random(42);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return Pictures.encode(image, "jpeg");
    }

    @Test
    void anUploadOverTheJsonLimitButWithinMaxBytesIsTaken() throws Exception {
        var jpeg = noisyJpeg(1600);
        assertThat(jpeg.length).isBetween(1_100_000, 3_000_000);
        var response = upload(signUp(), jpeg);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"width\":1600");
    }

    @Test
    void anUploadOverMaxBytesIsRefusedByTheContainerWith413InTheErrorShape() throws Exception {
        var response = upload(signUp(), new byte[3_500_000]);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":413").contains("\"errors\"");
    }
}
