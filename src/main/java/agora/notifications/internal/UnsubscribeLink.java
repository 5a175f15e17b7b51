package agora.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a one-click unsubscribe link turns off, and for whom: {@code userId.topic.linkId.signature}, where the
 * topic is a notification type's lower-case name or {@code digest}, the link id is unique per email (so a used
 * link can be told from a fresh one) and the signature is HMAC-SHA256 over the rest. Nothing is stored until the
 * link is used.
 */
record UnsubscribeLink(long userId, String topic, String linkId) {

    static final String DIGEST = "digest";
    static final int MIN_SECRET_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{1,19})\\.([a-z_]{1,20})\\.([0-9a-f]{32})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    String token(byte[] secret) {
        var payload = payload();
        return payload + "." + BASE64.encodeToString(hmac(secret, payload));
    }

    /** The link a token stands for; empty when it is malformed or its signature is not ours. */
    static Optional<UnsubscribeLink> verify(String token, byte[] secret) {
        var parts = token == null ? null : SHAPE.matcher(token);
        if (parts == null || !parts.matches()) {
            return Optional.empty();
        }
        long userId;
        try {
            userId = Long.parseLong(parts.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        var link = new UnsubscribeLink(userId, parts.group(2), parts.group(3));
        var expected = BASE64.encodeToString(hmac(secret, link.payload())).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts.group(4).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(link) : Optional.empty();
    }

    private String payload() {
        return userId + "." + topic + "." + linkId;
    }

    private static byte[] hmac(byte[] secret, String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
