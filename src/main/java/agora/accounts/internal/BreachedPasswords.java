package agora.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The 100,000 most common breached passwords (nbvcxz's frequency-ranked {@code dictionaries/passwords.txt}),
 * compared case-insensitively, as a sorted array of 64-bit hashes: about 800 KB instead of several MB of
 * strings, and a binary search per check. Two different passwords share a 64-bit hash with probability
 * 2^-64, so a password outside the list is wrongly refused with probability about 100,000 / 2^64 ≈ 5e-15.
 */
public final class BreachedPasswords implements BreachCheck {

    static final String RESOURCE = "dictionaries/passwords.txt";

    private final long[] sortedHashes;

    private BreachedPasswords(long[] sortedHashes) {
        this.sortedHashes = sortedHashes;
    }

    /** Reads the list from the classpath; built once at start-up (tens of milliseconds, see docs/accounts.md). */
    public static BreachedPasswords fromClasspath() {
        var resource = BreachedPasswords.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(RESOURCE + " (nbvcxz) is missing from the classpath");
        }
        return from(resource);
    }

    static BreachedPasswords from(InputStream list) {
        try (var reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            var hashes = reader.lines().map(String::strip).filter(p -> !p.isEmpty())
                    .mapToLong(BreachedPasswords::hash).sorted().distinct().toArray();
            return new BreachedPasswords(hashes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean contains(String password) {
        return Arrays.binarySearch(sortedHashes, hash(password)) >= 0;
    }

    int size() {
        return sortedHashes.length;
    }

    /** The first 64 bits of SHA-256 of the lower-cased password: well spread, so collisions stay at 2^-64. */
    private static long hash(String password) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(password.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
