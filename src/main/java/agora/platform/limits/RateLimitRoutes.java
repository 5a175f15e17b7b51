package agora.platform.limits;

import java.util.Optional;
import java.util.Set;

import agora.platform.RateLimit;

/**
 * Which limit an HTTP request counts against. Every API request counts against one; the web UI's files, uploaded
 * images' files, the API document, health and metrics against none. Image files are immutable and cached for a year,
 * and a browser fetches them without the user's token: counted as anonymous reads, one page of thumbnails would
 * spend a visitor's allowance.
 */
final class RateLimitRoutes {

    private static final Set<String> LOGIN_PATHS = Set.of("/api/users/login", "/api/users/login/2fa",
            "/api/users/password-reset", "/api/users/password-reset/confirm", "/api/users/verification",
            "/api/users/verification/resend", "/api/users/login/link", "/api/users/login/link/complete",
            "/api/user/reauthenticate", "/api/user/reauthenticate/passkey", "/api/users/not-me",
            "/api/users/passkeys/login/options", "/api/users/passkeys/login", "/api/users/passkeys/sign-up/options");

    /** Creating an account, with a password or with a passkey (whose options count as a login's do). */
    private static final Set<String> SIGN_UP_PATHS = Set.of("/api/users", "/api/users/passkeys/sign-up");

    private RateLimitRoutes() {
    }

    /**
     * @param path the decoded path within the application
     * @param signedIn whether the request carries a valid token
     */
    static Optional<RateLimit> classify(String method, String path, boolean signedIn) {
        if (!path.startsWith("/api/")) {
            return Optional.empty();
        }
        var post = method.equals("POST");
        if (path.startsWith("/api/admin/")) {
            return Optional.of(RateLimit.ADMIN);
        }
        if (post && SIGN_UP_PATHS.contains(path)) {
            return Optional.of(RateLimit.SIGN_UP);
        }
        if (post && LOGIN_PATHS.contains(path)) {
            return Optional.of(RateLimit.LOGIN);
        }
        if (post && path.equals("/api/orders")) {
            return Optional.of(RateLimit.CHECKOUT);
        }
        if (post && path.equals("/api/reports")) {
            return Optional.of(RateLimit.REPORTS);
        }
        if (path.startsWith("/api/payments/webhooks/")) {
            return Optional.of(RateLimit.WEBHOOKS);
        }
        if (path.equals("/api/search") || path.startsWith("/api/search/")) {
            return Optional.of(RateLimit.SEARCH);
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            return Optional.of(signedIn ? RateLimit.READS : RateLimit.ANONYMOUS_READS);
        }
        return Optional.of(RateLimit.WRITES);
    }
}
