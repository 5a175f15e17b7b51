package agora.moderation.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a report is about, named in the API in lower case. */
public enum SubjectKind {
    POST, COMMENT, PRODUCT, USER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SubjectKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(text)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(SubjectKind::wire).toList());
    }
}
