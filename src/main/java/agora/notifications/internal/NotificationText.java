package agora.notifications.internal;

import java.util.List;

/**
 * The ready-to-show text of a notification, e.g. "bob and 3 others liked your post “Hello”". Pure: the actors'
 * current usernames come in (newest first), so a renamed user shows under the new name.
 */
final class NotificationText {

    private NotificationText() {
    }

    /**
     * @param detail what the text needs beyond the subject: the stock left for {@code LOW_STOCK}, {@code partial}
     *        for a partly refunded order; null otherwise
     */
    static String of(NotificationType type, List<String> actors, int actorCount, String subjectId,
            String subjectTitle, String detail) {
        var who = who(actors, actorCount);
        var title = "“" + subjectTitle + "”";
        return switch (type) {
            case FOLLOW -> who + " followed you";
            case LIKE -> who + " liked your post " + title;
            case COMMENT -> who + " commented on your post " + title;
            case REPLY -> who + " also commented on " + title;
            case MENTION -> who + " mentioned you in " + title;
            case ORDER_PAID -> "Your order " + subjectId + " was paid";
            case ORDER_SHIPPED -> "Your order " + subjectId + " was shipped";
            case ORDER_REFUNDED -> "partial".equals(detail) ? "Your order " + subjectId + " was partly refunded"
                    : "Your order " + subjectId + " was refunded";
            case SALE -> "You sold " + subjectTitle + " (order " + subjectId + ")";
            case LOW_STOCK -> title + " is running low: " + detail + " left";
            case OUT_OF_STOCK -> title + " is out of stock";
            case REPORT_OUTCOME -> reportOutcome(subjectTitle, detail);
        };
    }

    /**
     * "Your report on the post “Hello” was reviewed: it was removed".
     *
     * @param detail {@code <kind>:<outcome>}, e.g. {@code post:actioned}, {@code user:dismissed}
     */
    static String reportOutcome(String subjectTitle, String detail) {
        var parts = (detail == null ? "" : detail).split(":", 2);
        var kind = parts[0];
        var actioned = parts.length == 2 && parts[1].equals("actioned");
        var what = switch (kind) {
            case "post", "product" -> "the " + kind + " “" + subjectTitle + "”";
            case "user" -> "the user “" + subjectTitle + "”";
            default -> "a comment";
        };
        var outcome = !actioned ? "no action was taken"
                : kind.equals("user") ? "the account was suspended" : "it was removed";
        return "Your report on " + what + " was reviewed: " + outcome;
    }

    /** "bob", "bob and alice", "bob and 3 others"; "Someone" when no actor is known any more. */
    static String who(List<String> actors, int actorCount) {
        if (actors.isEmpty()) {
            return "Someone";
        }
        var first = actors.getFirst();
        var others = Math.max(actorCount, actors.size()) - 1;
        if (others == 0) {
            return first;
        }
        if (others == 1 && actors.size() > 1) {
            return first + " and " + actors.get(1);
        }
        return first + " and " + others + (others == 1 ? " other" : " others");
    }
}
