package agora.payments.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">}
 * (several {@code v1} entries while a secret is being rolled). Pure; answers why a header is refused.
 */
record StripeSignature(String secret, Duration tolerance) {

    /** Empty when the header signs this payload recently enough, otherwise the reason it does not. */
    Optional<String> problem(String header, byte[] payload, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.of("Stripe-Signature header is missing");
        }
        Long timestamp = null;
        var signatures = new ArrayList<byte[]>();
        for (var part : header.split(",")) {
            var pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return Optional.of("Stripe-Signature has a malformed timestamp");
                }
            } else if (pair[0].equals("v1")) {
                try {
                    signatures.add(HexFormat.of().parseHex(pair[1]));
                } catch (IllegalArgumentException e) {
                    // not hex: cannot match
                }
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Optional.of("Stripe-Signature needs a timestamp and a v1 signature");
        }
        var expected = sign(timestamp, payload);
        // MessageDigest.isEqual takes the same time wherever the bytes differ.
        if (signatures.stream().noneMatch(given -> MessageDigest.isEqual(expected, given))) {
            return Optional.of("Stripe-Signature does not match the payload");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
            return Optional.of("Stripe-Signature timestamp is outside the tolerance of " + tolerance);
        }
        return Optional.empty();
    }

    /** The header Stripe would send for this payload at this time (used by tests and fakes). */
    String header(long timestamp, byte[] payload) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(timestamp, payload));
    }

    private byte[] sign(long timestamp, byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
