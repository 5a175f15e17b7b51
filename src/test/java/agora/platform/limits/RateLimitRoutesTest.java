package agora.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import agora.platform.RateLimit;

class RateLimitRoutesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "POST, /api/users, false, SIGN_UP",
            "POST, /api/users/passkeys/sign-up/options, false, LOGIN",
            "POST, /api/users/passkeys/sign-up, false, SIGN_UP",
            "POST, /api/users/login, false, LOGIN",
            "POST, /api/users/login/2fa, false, LOGIN",
            "POST, /api/users/password-reset, false, LOGIN",
            "POST, /api/users/password-reset/confirm, false, LOGIN",
            "POST, /api/users/verification, false, LOGIN",
            "POST, /api/users/verification/resend, true, LOGIN",
            "POST, /api/users/passkeys/login/options, false, LOGIN",
            "POST, /api/users/passkeys/login, false, LOGIN",
            "POST, /api/users/passkeys, true, WRITES",
            "POST, /api/users/logout, true, WRITES",
            "PUT, /api/user, true, WRITES",
            "GET, /api/user, true, READS",
            "POST, /api/orders, true, CHECKOUT",
            "POST, /api/orders/ord_1/cancel, true, WRITES",
            "GET, /api/orders, true, READS",
            "PUT, /api/cart/items/p1, true, WRITES",
            "POST, /api/articles/a/favorite, true, WRITES",
            "POST, /api/profiles/bob/follow, true, WRITES",
            "POST, /api/products, true, WRITES",
            "POST, /api/images, true, WRITES",
            "DELETE, /api/images/img_1, true, WRITES",
            "GET, /api/search, false, SEARCH",
            "GET, /api/search/suggest, true, SEARCH",
            "GET, /api/articles, false, ANONYMOUS_READS",
            "HEAD, /api/articles, false, ANONYMOUS_READS",
            "GET, /api/feed, true, READS",
            "GET, /api/admin/search/status, true, ADMIN",
            "POST, /api/admin/search/reindex, true, ADMIN",
            "POST, /api/payments/webhooks/stripe, false, WEBHOOKS",
            "POST, /api/reports, true, REPORTS",
            "GET, /api/admin/reports, true, ADMIN",
            "DELETE, /api/no-such-thing, false, WRITES",
            "GET, /images/img_1/480.jpg, false, none",
            "GET, /actuator/health, false, none",
            "GET, /actuator/prometheus, false, none",
            "GET, /app.js, false, none",
            "GET, /, false, none",
            "GET, /v3/api-docs, false, none",
            "GET, /api, false, none" })
    void everyApiRequestAndImageFileHasALimitAndNothingElseDoes(String method, String path, boolean signedIn, RateLimit expected) {
        assertThat(RateLimitRoutes.classify(method, path, signedIn)).isEqualTo(Optional.ofNullable(expected));
    }
}
