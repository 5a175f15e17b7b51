package agora.accounts.web;

import java.util.Locale;

import org.springframework.http.ResponseEntity;

import agora.accounts.internal.Login;
import agora.accounts.internal.User;
import agora.platform.Timestamps;

final class UserResponses {

    private UserResponses() {
    }

    static UserJson.UserResponse of(Login.SignedIn signedIn) {
        return of(signedIn.user(), signedIn.token(), signedIn.passwordBreached() ? Boolean.TRUE : null);
    }

    /** A first factor's answer: 200 with the user, or 202 with the challenge to complete at /api/users/login/2fa. */
    static ResponseEntity<?> of(Login.Outcome outcome) {
        return switch (outcome) {
            case Login.SignedIn signedIn -> ResponseEntity.ok(of(signedIn));
            case Login.ChallengeIssued challenge -> ResponseEntity.accepted()
                    .body(new UserJson.ChallengeResponse(challenge.challenge(),
                            Timestamps.format(challenge.expiresAt())));
        };
    }

    static UserJson.UserResponse of(User user, String token) {
        return of(user, token, null);
    }

    private static UserJson.UserResponse of(User user, String token, Boolean passwordBreached) {
        var roles = user.role().granted().stream().map(role -> role.name().toLowerCase(Locale.ROOT)).toList();
        return new UserJson.UserResponse(new UserJson.User(user.email(), token, user.username(), user.bio(),
                user.image(), user.emailVerified(), roles, user.passwordHash() != null, passwordBreached));
    }
}
