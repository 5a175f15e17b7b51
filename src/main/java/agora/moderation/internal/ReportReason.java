package agora.moderation.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why someone reports: a fixed list, so the queue can count and sort by it; anything else is {@code other}. */
public enum ReportReason {
    SPAM, HARASSMENT, HATE, VIOLENCE, SEXUAL, SCAM, ILLEGAL, OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportReason> parse(String text) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(text)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ReportReason::wire).toList());
    }
}
