package agora.notifications.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import agora.notifications.internal.NotificationType.EmailChoice;

/**
 * A user's email choice for every notification type: their own where they made one, the type's default elsewhere.
 *
 * @param overrides the choices that differ from the defaults
 */
record EmailSettings(Map<NotificationType, EmailChoice> overrides) {

    EmailSettings {
        overrides = overrides.isEmpty() ? Map.of() : new EnumMap<>(overrides);
    }

    EmailChoice choice(NotificationType type) {
        return overrides.getOrDefault(type, type.defaultEmail());
    }

    boolean isDefault(NotificationType type) {
        return !overrides.containsKey(type);
    }

    /** The types the user wants by email this way, e.g. those for the daily digest. */
    Set<NotificationType> typesBy(EmailChoice choice) {
        var types = EnumSet.noneOf(NotificationType.class);
        for (var type : NotificationType.values()) {
            if (choice(type) == choice) {
                types.add(type);
            }
        }
        return types;
    }
}
