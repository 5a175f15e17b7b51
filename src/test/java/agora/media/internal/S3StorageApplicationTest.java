package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import software.amazon.awssdk.services.s3.model.Bucket;

import agora.test.Node;
import agora.test.S3rverProcess;

/** The whole application with {@code agora.storage.type=s3}: it starts against an empty server and makes its bucket. */
@EnabledIf(value = "agora.test.S3rverProcess#available",
        disabledReason = "s3rver is not installed (npm ci --prefix ops/s3, or AGORA_TEST_S3RVER)")
class S3StorageApplicationTest {

    @Test
    void theApplicationStartsOnS3AndCreatesItsBucket() throws Exception {
        try (var server = S3rverProcess.start();
                var s3 = StorageConfiguration.s3Client(new StorageProperties.S3(URI.create(server.endpoint()),
                        "us-east-1", "agora-images", S3rverProcess.ACCESS_KEY, S3rverProcess.SECRET_KEY, true,
                        Duration.ofSeconds(2), Duration.ofSeconds(10)))) {
            assertThat(s3.listBuckets().buckets()).isEmpty();

            try (var node = Node.start("--agora.storage.type=s3", "--agora.storage.s3.endpoint=" + server.endpoint(),
                    "--agora.storage.s3.access-key=" + S3rverProcess.ACCESS_KEY,
                    "--agora.storage.s3.secret-key=" + S3rverProcess.SECRET_KEY,
                    "--agora.storage.s3.path-style=true")) {
                assertThat(node.context().getBean(ImageStore.class)).isInstanceOf(S3ImageStore.class);
                assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("agora-images");
            }
        }
    }
}
