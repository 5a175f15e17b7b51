package agora.social.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import agora.platform.ApiException;

/**
 * Where a reader is in a ranked feed: the ranking's moment, its size, and the posts not yet shown, in order.
 * The ranking is computed once, on the first page; later pages only read the posts named here, so paging never
 * repeats or skips a post, whatever happens to likes and comments meanwhile. Encoded as URL-safe base64 of
 * variable-length integers (about 3 bytes per post). The reader is part of the cursor, so one reader's cursor
 * is refused for another.
 */
public record FeedCursor(long readerId, Instant rankedAt, int total, List<Long> remaining) {

    private static final int VERSION = 1;
    static final int MAX_POSTS = 1000;

    public String encode() {
        var out = new ByteArrayOutputStream(16 + remaining.size() * 3);
        out.write(VERSION);
        writeVarLong(out, readerId);
        writeVarLong(out, rankedAt.toEpochMilli());
        writeVarLong(out, total);
        writeVarLong(out, remaining.size());
        var previous = 0L;
        for (var id : remaining) {
            writeVarLong(out, zigzag(id - previous));
            previous = id;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** The cursor of this reader, or 422 for anything else (malformed, tampered, another reader's). */
    public static FeedCursor decode(String text, long readerId) {
        try {
            if (text.length() > 8 * MAX_POSTS) {
                throw new IllegalArgumentException("too long");
            }
            var in = new ByteArrayInputStream(Base64.getUrlDecoder().decode(text));
            if (in.read() != VERSION) {
                throw new IllegalArgumentException("unknown version");
            }
            var reader = readVarLong(in);
            var rankedAt = Instant.ofEpochMilli(readVarLong(in));
            var total = readVarLong(in);
            var count = readVarLong(in);
            if (count < 0 || count > MAX_POSTS || total < count || total > MAX_POSTS * 2L) {
                throw new IllegalArgumentException("bad sizes");
            }
            var ids = new ArrayList<Long>((int) count);
            var previous = 0L;
            for (var i = 0; i < count; i++) {
                previous += unzigzag(readVarLong(in));
                ids.add(previous);
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes");
            }
            if (reader != readerId) {
                throw new IllegalArgumentException("another reader's cursor");
            }
            return new FeedCursor(reader, rankedAt, (int) total, ids);
        } catch (RuntimeException e) {
            throw ApiException.invalid("cursor", "is invalid or belongs to another reader");
        }
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarLong(ByteArrayInputStream in) {
        long value = 0;
        for (var shift = 0; shift < 64; shift += 7) {
            var b = in.read();
            if (b < 0) {
                throw new UncheckedIOException(new IOException("truncated"));
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static long zigzag(long n) {
        return (n << 1) ^ (n >> 63);
    }

    private static long unzigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
