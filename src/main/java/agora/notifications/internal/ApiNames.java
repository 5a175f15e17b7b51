package agora.notifications.internal;

import java.util.Arrays;
import java.util.Locale;

import agora.notifications.internal.NotificationType.EmailChoice;

/** Notification types and email choices as the API, the settings and the links name them: lower case. */
final class ApiNames {

    private ApiNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The type of that name, or null; upper-case names are not part of the API. */
    static NotificationType type(String name) {
        return parse(NotificationType.class, name);
    }

    static EmailChoice choice(String name) {
        return parse(EmailChoice.class, name);
    }

    private static <E extends Enum<E>> E parse(Class<E> kind, String name) {
        return name == null ? null : Arrays.stream(kind.getEnumConstants())
                .filter(constant -> of(constant).equals(name)).findFirst().orElse(null);
    }
}
