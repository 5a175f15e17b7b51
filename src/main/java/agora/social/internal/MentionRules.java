package agora.social.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds {@code @username} mentions in a text: a username's characters after an {@code @} that does not follow
 * a username character (so {@code bob@example.com} mentions nobody). Pure; whether the users exist is asked later.
 */
final class MentionRules {

    /** At most this many distinct users per text; later ones are not mentions. */
    static final int MAX_PER_TEXT = 10;

    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_-](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_-])?)(?![A-Za-z0-9_-])");

    private MentionRules() {
    }

    /** The distinct usernames mentioned (ignoring case, as first written), at most {@link #MAX_PER_TEXT}. */
    static List<String> usernames(String text) {
        var found = new LinkedHashMap<String, String>();
        if (text == null) {
            return List.of();
        }
        var matcher = MENTION.matcher(text);
        while (matcher.find() && found.size() < MAX_PER_TEXT) {
            var name = matcher.group(1);
            found.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        return List.copyOf(found.values());
    }
}
