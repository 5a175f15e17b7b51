package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import agora.test.S3rverProcess;

/** {@code agora.storage.type} picks the store, and the S3 store is not made from incomplete settings. */
class StorageConfigurationTest {

    final ApplicationContextRunner storage = new ApplicationContextRunner()
            .withUserConfiguration(StorageConfiguration.class)
            .withPropertyValues("agora.storage.directory=target/test-data/images", "agora.storage.s3.region=us-east-1",
                    "agora.storage.s3.connect-timeout=2s", "agora.storage.s3.call-timeout=10s");

    @Test
    void theFileSystemIsTheDefault() {
        storage.run(context -> assertThat(context).getBean(ImageStore.class).isInstanceOf(FileSystemImageStore.class));
    }

    @Test
    void s3WithoutBucketOrCredentialsRefusesToStartAndNamesWhatIsMissing() {
        storage.withPropertyValues("agora.storage.type=s3", "agora.storage.s3.endpoint=http://127.0.0.1:9")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
                        "agora.storage.type=s3 needs agora.storage.s3.bucket (AGORA_STORAGE_S3_BUCKET), "
                                + "agora.storage.s3.access-key (AGORA_STORAGE_S3_ACCESSKEY), "
                                + "agora.storage.s3.secret-key (AGORA_STORAGE_S3_SECRETKEY)"));
    }

    @Test
    void s3WithEmptyCredentialsRefusesToStart() {
        storage.withPropertyValues("agora.storage.type=s3", "agora.storage.s3.bucket=images",
                "agora.storage.s3.access-key=", "agora.storage.s3.secret-key=secret")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
                        "agora.storage.type=s3 needs agora.storage.s3.access-key (AGORA_STORAGE_S3_ACCESSKEY)"));
    }

    @EnabledIf(value = "agora.test.S3rverProcess#available",
            disabledReason = "s3rver is not installed (npm ci --prefix ops/s3, or AGORA_TEST_S3RVER)")
    @Test
    void s3IsTheS3StoreOnItsBucket() throws Exception {
        try (var server = S3rverProcess.start()) {
            storage.withPropertyValues("agora.storage.type=s3", "agora.storage.s3.endpoint=" + server.endpoint(),
                    "agora.storage.s3.bucket=images", "agora.storage.s3.access-key=" + S3rverProcess.ACCESS_KEY,
                    "agora.storage.s3.secret-key=" + S3rverProcess.SECRET_KEY, "agora.storage.s3.path-style=true")
                    .run(context -> {
                        var store = context.getBean(ImageStore.class);
                        assertThat(store).isInstanceOf(S3ImageStore.class);
                        store.put("img_x/480.jpg", new byte[] {1, 2, 3}, "image/jpeg");
                        assertThat(store.get("img_x/480.jpg")).hasValue(new byte[] {1, 2, 3});
                    });
        }
    }
}
