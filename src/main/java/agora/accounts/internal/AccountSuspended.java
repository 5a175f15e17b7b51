package agora.accounts.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import agora.accounts.Suspension;
import agora.platform.ApiException;
import agora.platform.Timestamps;

/**
 * The answer to a sign-in while the account is suspended: 403 naming the end and the reason, with the end also
 * machine-readable ({@code suspendedUntil}, null for good).
 */
final class AccountSuspended extends ApiException {

    private final transient Suspension suspension;

    AccountSuspended(Suspension suspension) {
        super(HttpStatus.FORBIDDEN, "account-suspended", "this account is " + describe(suspension),
                Map.of("account", List.of(describe(suspension))), null);
        this.suspension = suspension;
    }

    /** "suspended until 2026-12-10T00:00:00.000Z: spam" or "suspended permanently: spam". */
    static String describe(Suspension suspension) {
        var end = suspension.isForGood() ? "suspended permanently"
                : "suspended until " + Timestamps.format(suspension.until());
        return end + ": " + suspension.reason();
    }

    @Override
    public Map<String, Object> extensions() {
        var extensions = new HashMap<String, Object>();
        extensions.put("suspendedUntil", Timestamps.format(suspension.until()));
        extensions.put("suspensionReason", suspension.reason());
        return extensions;
    }
}
