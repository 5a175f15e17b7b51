package agora.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.accounts.internal.AccountDeletion;
import agora.accounts.internal.Accounts;
import agora.accounts.internal.Reauthentication;

/** The signed-in user's own account (RealWorld {@code /api/user}). */
@RestController
class UserController {

    private final Accounts accounts;
    private final AccountDeletion deletion;
    private final Reauthentication reauthentication;

    UserController(Accounts accounts, AccountDeletion deletion, Reauthentication reauthentication) {
        this.accounts = accounts;
        this.deletion = deletion;
        this.reauthentication = reauthentication;
    }

    @GetMapping("/api/user")
    UserJson.UserResponse current(CurrentUser user) {
        return UserResponses.of(accounts.find(user.id()), user.token());
    }

    /**
     * A new email or password needs a fresh proof of identity (see {@link Reauthentication}); a settings page that
     * sends the unchanged email, or an empty password field, changes neither.
     */
    @PutMapping("/api/user")
    UserJson.UserResponse update(CurrentUser user, @RequestBody UserJson.UpdateRequest request,
            HttpServletRequest http) {
        var body = UsersController.required(request.user());
        var password = body.password() == null || body.password().isEmpty() ? null : body.password();
        var changes = new Accounts.Changes(body.email(), body.username(), password, body.bio(), body.image());
        if (changes.replaceCredentialsOf(accounts.find(user.id()))) {
            reauthentication.require(user, body.currentPassword(), http.getRemoteAddr());
        }
        return UserResponses.of(accounts.update(user.id(), user.sessionId(), changes), user.token());
    }

    /**
     * Deletes the account (see {@link AccountDeletion}): the password, and with two-factor login on a code. The
     * password is always needed, however recent the session: it is itself the fresh proof of identity. An account
     * without one (signed up with a passkey) needs a recent session instead.
     */
    @DeleteMapping("/api/user")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @RequestBody UserJson.Deletion request, HttpServletRequest http) {
        deletion.delete(user, request.password(), request.code(), http.getRemoteAddr());
    }
}
