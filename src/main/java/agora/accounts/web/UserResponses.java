package agora.accounts.web;

import java.util.Locale;

import agora.accounts.internal.Login;
import agora.accounts.internal.User;

final class UserResponses {

    private UserResponses() {
    }

    static UserJson.UserResponse of(Login.SignedIn signedIn) {
        return of(signedIn.user(), signedIn.token(), signedIn.passwordBreached() ? Boolean.TRUE : null);
    }

    static UserJson.UserResponse of(User user, String token) {
        return of(user, token, null);
    }

    private static UserJson.UserResponse of(User user, String token, Boolean passwordBreached) {
        var roles = user.role().granted().stream().map(role -> role.name().toLowerCase(Locale.ROOT)).toList();
        return new UserJson.UserResponse(new UserJson.User(user.email(), token, user.username(), user.bio(),
                user.image(), user.emailVerified(), roles, passwordBreached));
    }
}
