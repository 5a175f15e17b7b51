package agora.notifications.internal;

/**
 * One notification as the digest email lists it. Public: the templates read its accessors.
 *
 * @param when when it last changed, e.g. "2026-12-03 08:15 UTC"
 */
public record DigestItem(String text, String link, String when) {

    /** A user's text (a post's title inside) on one line, short enough for a subject or a list item. */
    static String oneLine(String text) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 150 ? line : line.substring(0, 149) + "…";
    }
}
