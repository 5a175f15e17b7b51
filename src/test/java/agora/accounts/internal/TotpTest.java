package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    // RFC 6238 appendix B: the seeds are ASCII "1234567890" repeated to the hash's block size.
    static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void matchesTheTestVectorsOfRfc6238(long time, String sha1, String sha256, String sha512) {
        var step = Totp.stepAt(Instant.ofEpochSecond(time));
        assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void appCodesAreTheLastSixDigitsOfTheRfcValues() {
        // The 8-digit vector 94287082 at T=59 truncates to 6 digits as 287082 (modulo 10^6).
        assertThat(Totp.code(SHA1_SEED, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepEitherSideOfNowAndNoFurther() {
        var now = Instant.ofEpochSecond(1_111_111_111);
        var step = Totp.stepAt(now);
        for (var offset = -1; offset <= 1; offset++) {
            assertThat(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + offset), now, Long.MIN_VALUE))
                    .hasValue(step + offset);
        }
        assertThat(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void neverAcceptsAStepAtOrBeforeTheLastUsedOne() {
        var now = Instant.ofEpochSecond(1_111_111_111);
        var step = Totp.stepAt(now);
        var code = Totp.code(SHA1_SEED, step);
        assertThat(Totp.match(SHA1_SEED, code, now, step - 1)).hasValue(step);
        assertThat(Totp.match(SHA1_SEED, code, now, step)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now, step)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now, step)).hasValue(step + 1);
    }

    @Test
    void refusesMalformedCodes() {
        var now = Instant.ofEpochSecond(59);
        assertThat(Totp.match(SHA1_SEED, null, now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, "", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, "28708", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, "2870822", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, "28708a", now, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void base32EncodesLikeRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Base32.encode(SHA1_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
}
