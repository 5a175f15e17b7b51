package agora.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import agora.accounts.CurrentUser;
import agora.platform.ApiException;

/**
 * Sensitive changes (the email or password, two-factor login, passkeys, deleting the account) need a fresh proof of
 * identity, so that a stolen token alone cannot take the account from its owner: a session signed in or re-confirmed
 * within the window, or the current password in the same request. A wrong password counts as a failed login.
 */
@Service
public class Reauthentication {

    private final SessionRepository sessions;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginGuard guard;
    private final Duration window;
    private final Clock clock;

    Reauthentication(SessionRepository sessions, UserRepository users, PasswordHasher hasher, LoginGuard guard,
            AuthProperties properties, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.hasher = hasher;
        this.guard = guard;
        this.window = properties.reauthenticationWindow();
        this.clock = clock;
    }

    /**
     * Passes when the session is recent enough, or when {@code currentPassword} is given and right; otherwise 403
     * with the field {@code reauthentication}, which tells the client to ask for the password and re-confirm.
     */
    public void require(CurrentUser user, String currentPassword, String clientAddress) {
        if (currentPassword != null && !currentPassword.isEmpty()) {
            // Named apart from "password", which in a change is the new one.
            check(user, currentPassword, "currentPassword", clientAddress);
        } else if (!isRecent(user.sessionId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "reauthentication-required",
                    "this change needs a recent sign-in: confirm your password first",
                    Map.of("reauthentication", List.of("is required")), null);
        }
    }

    /** Re-confirms the session with the account's password (422 when wrong), under the brute-force protection. */
    public void confirmWithPassword(CurrentUser user, String password, String clientAddress) {
        if (password == null || password.isEmpty()) {
            throw ApiException.invalid("password", "can't be blank");
        }
        check(user, password, "password", clientAddress);
    }

    private void check(CurrentUser user, String password, String field, String clientAddress) {
        var account = users.findById(user.id()).orElseThrow(() -> ApiException.unauthorized("this account no longer exists"));
        guard.checkAllowed(account.email(), account.id(), clientAddress);
        if (!hasher.matches(password, account.passwordHash())) {
            guard.recordFailure(account.email(), clientAddress);
            throw ApiException.invalid(field, "is invalid");
        }
        confirmed(user.sessionId());
    }

    /** The session's user has just proved who they are some other way (e.g. a passkey assertion). */
    void confirmed(UUID sessionId) {
        sessions.confirm(sessionId, clock.instant());
    }

    private boolean isRecent(UUID sessionId) {
        return sessions.confirmedAt(sessionId).filter(at -> !at.plus(window).isBefore(clock.instant())).isPresent();
    }
}
