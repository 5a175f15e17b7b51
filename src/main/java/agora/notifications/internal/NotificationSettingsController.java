package agora.notifications.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import agora.accounts.CurrentUser;
import agora.notifications.internal.NotificationType.EmailChoice;
import agora.platform.ApiException;

/**
 * {@code /api/user/notification-settings}: per notification type, whether email comes never, at once or in the
 * daily digest (in-app is always on). Here, next to the package-private types it speaks of; names in the JSON are
 * the lower-case enum names.
 */
@RestController
class NotificationSettingsController {

    private static final String CHOICES = Arrays.stream(EmailChoice.values()).map(ApiNames::of)
            .collect(Collectors.joining(", "));

    /** One type's setting; {@code default} is derived and ignored in a PUT, so a client may send back what it read. */
    record Setting(String email, @JsonProperty("default") Boolean isDefault) {
    }

    record Settings(Map<String, Setting> settings) {
    }

    private final EmailPreferences preferences;

    NotificationSettingsController(EmailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/api/user/notification-settings")
    Settings read(CurrentUser user) {
        return json(preferences.of(user.id()));
    }

    /** Changes the types named in the body, leaves the others as they are. */
    @PutMapping("/api/user/notification-settings")
    @Transactional
    Settings change(CurrentUser user, @RequestBody Settings request) {
        var changes = parse(request);
        changes.forEach((type, choice) -> preferences.choose(user.id(), type, choice));
        return json(preferences.of(user.id()));
    }

    static Settings json(EmailSettings settings) {
        var json = new LinkedHashMap<String, Setting>();
        for (var type : NotificationType.values()) {
            json.put(ApiNames.of(type), new Setting(ApiNames.of(settings.choice(type)), settings.isDefault(type)));
        }
        return new Settings(json);
    }

    private static Map<NotificationType, EmailChoice> parse(Settings request) {
        if (request.settings() == null || request.settings().isEmpty()) {
            throw ApiException.invalid("settings", "must name at least one notification type");
        }
        var changes = new EnumMap<NotificationType, EmailChoice>(NotificationType.class);
        var errors = new LinkedHashMap<String, List<String>>();
        request.settings().forEach((name, setting) -> {
            var type = ApiNames.type(name);
            var choice = setting == null ? null : ApiNames.choice(setting.email());
            if (type == null) {
                errors.put("settings." + name, List.of("is not a notification type"));
            } else if (choice == null) {
                errors.put("settings." + name + ".email", List.of("must be one of " + CHOICES));
            } else {
                changes.put(type, choice);
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return changes;
    }
}
