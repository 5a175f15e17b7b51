package agora.notifications.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An email's extra header fields as the outbox stores them: one {@code Name: value} a line. Values are ours
 * (links we signed), never a user's text, so they hold no line break.
 */
final class EmailHeaders {

    private EmailHeaders() {
    }

    static String format(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        headers.forEach((name, value) -> {
            if (name.contains(":") || (name + value).contains("\n") || (name + value).contains("\r")) {
                throw new IllegalArgumentException("not a header field: " + name);
            }
        });
        return headers.entrySet().stream().map(h -> h.getKey() + ": " + h.getValue())
                .collect(Collectors.joining("\n"));
    }

    static Map<String, String> parse(String stored) {
        var headers = new LinkedHashMap<String, String>();
        if (stored != null) {
            stored.lines().forEach(line -> {
                var colon = line.indexOf(": ");
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            });
        }
        return headers;
    }
}
