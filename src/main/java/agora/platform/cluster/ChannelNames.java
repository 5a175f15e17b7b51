package agora.platform.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * PostgreSQL channel names of broadcast topics. Notifications never leave their database, but every schema
 * of a database shares them: the channel names the schema as well as the topic, so applications (and test
 * runs) in different schemas do not hear each other. A channel is an identifier of at most 63 bytes; a longer
 * name keeps its start and ends in a hash of the whole, so two long names stay apart.
 */
final class ChannelNames {

    static final int MAX_BYTES = 63;
    private static final int HASH_CHARS = 16;

    private ChannelNames() {
    }

    static String channel(String schema, String topic) {
        var name = schema + "." + topic;
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        var hash = HexFormat.of().formatHex(sha256(name), 0, HASH_CHARS / 2);
        return prefix(name, MAX_BYTES - 1 - HASH_CHARS) + "~" + hash;
    }

    /** The channel as a quoted identifier, for {@code LISTEN}; {@code pg_notify} takes it as it is. */
    static String quoted(String channel) {
        return '"' + channel.replace("\"", "\"\"") + '"';
    }

    /** The longest start of the text that takes at most that many bytes in UTF-8, never splitting a character. */
    private static String prefix(String text, int maxBytes) {
        var bytes = 0;
        var end = 0;
        while (end < text.length()) {
            var codePoint = text.codePointAt(end);
            bytes += new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBytes) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
