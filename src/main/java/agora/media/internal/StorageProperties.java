package agora.media.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where image files are stored ({@code agora.storage.*}, env {@code AGORA_STORAGE_*}).
 *
 * @param type {@code filesystem} (one node, the default) or {@code s3} (S3-compatible object storage, many nodes)
 * @param directory the file system adapter's root
 * @param s3 the S3 adapter's settings
 */
@ConfigurationProperties("agora.storage")
record StorageProperties(String type, Path directory, S3 s3) {

    /**
     * @param endpoint the server's URL, e.g. {@code https://s3.eu-west-1.amazonaws.com} or a MinIO/s3rver address;
     *        empty for AWS's own endpoint of {@code region}
     * @param region the signing region
     * @param bucket where files go; created at start-up when missing
     * @param accessKey the access key id
     * @param secretKey the secret access key
     * @param pathStyle {@code bucket} in the path rather than the host name (MinIO, s3rver)
     * @param connectTimeout how long opening a connection may take
     * @param callTimeout how long one call may take in all, retries included: a dead or stalled S3 fails the
     *        request after this rather than holding it
     */
    record S3(URI endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle,
            Duration connectTimeout, Duration callTimeout) {
    }
}
