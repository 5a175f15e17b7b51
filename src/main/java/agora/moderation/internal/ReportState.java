package agora.moderation.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A report is open until a moderator acts on its subject (actioned) or decides not to (dismissed). */
public enum ReportState {
    OPEN, ACTIONED, DISMISSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportState> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst();
    }
}
