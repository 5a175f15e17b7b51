package agora.accounts.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.accounts.internal.SecurityEvent;
import agora.accounts.internal.SecurityEventCursor;
import agora.accounts.internal.SecurityLog;
import agora.platform.ApiException;
import agora.platform.Timestamps;

/**
 * The signed-in user's own security log, newest first, paged with the opaque {@code cursor} of the previous page's
 * {@code nextCursor}. Nobody else's log can be asked for.
 */
@RestController
class SecurityEventsController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    record SecurityEventJson(String kind, String at, String clientAddress, String userAgent, boolean twoFactor,
            String detail) {

        static SecurityEventJson of(SecurityEvent event) {
            return new SecurityEventJson(event.kind().jsonName(), Timestamps.format(event.occurredAt()),
                    event.clientAddress(), event.userAgent(), event.twoFactor(), event.detail());
        }
    }

    record SecurityEventsResponse(List<SecurityEventJson> securityEvents, String nextCursor) {
    }

    private final SecurityLog securityLog;

    SecurityEventsController(SecurityLog securityLog) {
        this.securityLog = securityLog;
    }

    @GetMapping("/api/user/security-events")
    SecurityEventsResponse list(CurrentUser user, @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        var before = cursor == null ? null : SecurityEventCursor.parse(cursor)
                .orElseThrow(() -> ApiException.invalid("cursor", "is not a cursor from nextCursor"));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        var page = securityLog.page(user.id(), before, limit);
        return new SecurityEventsResponse(page.events().stream().map(SecurityEventJson::of).toList(),
                page.nextBefore() == null ? null : SecurityEventCursor.of(page.nextBefore()));
    }
}
