package agora.accounts.web;

import agora.accounts.internal.Login;
import agora.accounts.internal.User;

final class UserResponses {

    private UserResponses() {
    }

    static UserJson.UserResponse of(Login.SignedIn signedIn) {
        return of(signedIn.user(), signedIn.token());
    }

    static UserJson.UserResponse of(User user, String token) {
        return new UserJson.UserResponse(new UserJson.User(user.email(), token, user.username(), user.bio(),
                user.image(), user.emailVerified()));
    }
}
