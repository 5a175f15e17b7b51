package agora.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets handed to users (email links, login challenges) and their hashes. A token has 256 random
 * bits, so a plain SHA-256 is a safe way to store it: there is nothing to guess or to brute-force.
 */
final class RandomTokens {

    static final int MAX_LENGTH = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    static String generate() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    static byte[] bytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a client-supplied token is worth looking up at all. */
    static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_LENGTH;
    }
}
