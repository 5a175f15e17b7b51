package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Object;

import agora.media.Pictures;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.S3rverProcess;

/**
 * The whole application with {@code agora.storage.type=s3}, started against an empty s3rver: it makes its bucket; an
 * upload's files are objects in the bucket, they are served from there, and deleting the image deletes them; with
 * S3 gone, images answer 503. The bucket is looked at with an S3 client of its own. The context stays cached, as
 * every {@link AgoraTest}'s: closing it (@DirtiesContext) when it was the first on the shared in-memory H2 database
 * made the next context's inserts fail with "Check constraint invalid".
 */
@AgoraTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(value = "agora.test.S3rverProcess#available",
        disabledReason = "s3rver is not installed (npm ci --prefix ops/s3, or AGORA_TEST_S3RVER)")
class ImagesOnS3Test {

    static final String BUCKET = "agora-images-http";

    static S3rverProcess server;
    static S3Client bucket;

    @Autowired
    MockMvc mvc;

    @Autowired
    ImageStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3rverProcess.start();
        bucket = StorageConfiguration.s3Client(new StorageProperties.S3(URI.create(server.endpoint()), "us-east-1",
                BUCKET, S3rverProcess.ACCESS_KEY, S3rverProcess.SECRET_KEY, true, Duration.ofSeconds(2),
                Duration.ofSeconds(10)));
    }

    @DynamicPropertySource
    static void storeOnS3(DynamicPropertyRegistry properties) {
        properties.add("agora.storage.type", () -> "s3");
        properties.add("agora.storage.s3.endpoint", () -> server.endpoint());
        properties.add("agora.storage.s3.bucket", () -> BUCKET);
        properties.add("agora.storage.s3.access-key", () -> S3rverProcess.ACCESS_KEY);
        properties.add("agora.storage.s3.secret-key", () -> S3rverProcess.SECRET_KEY);
        properties.add("agora.storage.s3.path-style", () -> "true");
        properties.add("agora.storage.s3.call-timeout", () -> "3s");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            bucket.close();
            server.close();
        }
    }

    @Test
    void theApplicationMadeItsBucketOnTheEmptyServer() {
        assertThat(store).isInstanceOf(S3ImageStore.class);
        assertThat(bucket.listBuckets().buckets()).extracting(Bucket::name).containsExactly(BUCKET);
    }

    @Test
    void anUploadIsStoredInTheBucketServedFromItAndDeletedFromIt() throws Exception {
        var user = Api.signUp(mvc, "s3");
        var body = upload(user).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.image.id");
        String medium = JsonPath.read(body, "$.image.urls.medium");

        assertThat(objects(id)).containsExactlyInAnyOrder(id + "/160.jpg", id + "/480.jpg", id + "/1200.jpg");
        var object = bucket.getObjectAsBytes(b -> b.bucket(BUCKET).key(id + "/480.jpg"));
        assertThat(object.response().contentType()).isEqualTo("image/jpeg");
        var served = mvc.perform(get(medium)).andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(object.asByteArray());
        assertThat(Pictures.read(served).getWidth()).isEqualTo(480);

        mvc.perform(delete("/api/images/" + id).header("Authorization", user.authorization()))
                .andExpect(status().isNoContent());

        assertThat(objects(id)).isEmpty();
        mvc.perform(get(medium)).andExpect(status().isNotFound());
    }

    /** Last: it takes the server away. */
    @Test
    @Order(Integer.MAX_VALUE)
    void whenS3IsDownImagesAreADependencyDownNotAnError() throws Exception {
        var user = Api.signUp(mvc, "s3down");
        var body = upload(user).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String medium = JsonPath.read(body, "$.image.urls.medium");

        server.close();

        mvc.perform(get(medium)).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.detail").value("image storage cannot be reached; try again shortly"));
        upload(user).andExpect(status().isServiceUnavailable());
    }

    private ResultActions upload(Api.SignedUp user) throws Exception {
        return mvc.perform(multipart("/api/images")
                .file(new MockMultipartFile("file", "p.jpg", "image/jpeg", Pictures.jpeg(2000, 1500)))
                .header("Authorization", user.authorization()));
    }

    private List<String> objects(String imageId) {
        return bucket.listObjectsV2(b -> b.bucket(BUCKET).prefix(imageId + "/")).contents().stream()
                .map(S3Object::key).toList();
    }
}
