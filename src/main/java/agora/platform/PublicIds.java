package agora.platform;

import java.security.SecureRandom;

/**
 * Opaque public identifiers such as {@code ord_7QkX2mJ9pL4vT8aZ1cR6}: a short type prefix and 20 random
 * base-62 characters (119 bits), so they reveal neither volume nor order of creation.
 */
public final class PublicIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicIds() {
    }

    public static String next(String prefix) {
        var id = new StringBuilder(prefix.length() + 1 + LENGTH).append(prefix).append('_');
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
