package agora.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.accounts.internal.Accounts;
import agora.accounts.internal.Login;
import agora.accounts.internal.Sessions;
import agora.platform.ApiException;

/** Sign-up, login and logout (RealWorld {@code /api/users}). */
@RestController
class UsersController {

    private final Accounts accounts;
    private final Login login;
    private final Sessions sessions;

    UsersController(Accounts accounts, Login login, Sessions sessions) {
        this.accounts = accounts;
        this.login = login;
        this.sessions = sessions;
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserJson.UserResponse register(@RequestBody UserJson.RegistrationRequest request) {
        var user = required(request.user());
        return UserResponses.of(accounts.register(user.username(), user.email(), user.password()));
    }

    /**
     * Answers 200 with the user and a token, or, when two-factor login is on, 202 with a challenge to
     * complete at {@code /api/users/login/2fa}.
     */
    @PostMapping("/api/users/login")
    ResponseEntity<?> login(@RequestBody UserJson.LoginRequest request, HttpServletRequest http) {
        var credentials = required(request.user());
        if (credentials.email() == null || credentials.email().isBlank() || credentials.password() == null
                || credentials.password().isEmpty()) {
            throw ApiException.invalid("email or password", "can't be blank");
        }
        return UserResponses.of(login.login(credentials.email(), credentials.password(), http.getRemoteAddr()));
    }

    @PostMapping("/api/users/login/2fa")
    UserJson.UserResponse completeLogin(@RequestBody UserJson.TwoFactorLogin request, HttpServletRequest http) {
        if (request.code() == null || request.code().isBlank()) {
            throw ApiException.invalid("code", "can't be blank");
        }
        return UserResponses.of(login.completeTwoFactor(request.challenge(), request.code(), http.getRemoteAddr()));
    }

    @PostMapping("/api/users/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(CurrentUser user) {
        sessions.logOut(user.id(), user.sessionId());
    }

    static <T> T required(T envelope) {
        if (envelope == null) {
            throw ApiException.invalid("user", "is required");
        }
        return envelope;
    }
}
