package agora.notifications.internal;

/**
 * What a notification is about, as stored: the title is cut to fit its column, so that a long product or post
 * title can never make a listener fail (and be retried forever).
 *
 * @param kind {@code post}, {@code order}, {@code product} or {@code profile}
 * @param id the subject's public id (slug, order id, product id, username)
 */
record Subject(String kind, String id, String title) {

    static final int MAX_TITLE = 300;
    static final int MAX_ID = 200;

    Subject {
        title = cut(title == null ? "" : title, MAX_TITLE);
        id = cut(id, MAX_ID);
    }

    /** At most {@code max} characters, ending in "…" when cut, and never splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        var end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
