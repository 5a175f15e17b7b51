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

/** The signed-in user's own account (RealWorld {@code /api/user}). */
@RestController
class UserController {

    private final Accounts accounts;
    private final AccountDeletion deletion;

    UserController(Accounts accounts, AccountDeletion deletion) {
        this.accounts = accounts;
        this.deletion = deletion;
    }

    @GetMapping("/api/user")
    UserJson.UserResponse current(CurrentUser user) {
        return UserResponses.of(accounts.find(user.id()), user.token());
    }

    @PutMapping("/api/user")
    UserJson.UserResponse update(CurrentUser user, @RequestBody UserJson.UpdateRequest request) {
        var changes = UsersController.required(request.user());
        var updated = accounts.update(user.id(), user.sessionId(), new Accounts.Changes(changes.email(),
                changes.username(), changes.password(), changes.bio(), changes.image()));
        return UserResponses.of(updated, user.token());
    }

    /** Deletes the account (see {@link AccountDeletion}): the password, and with two-factor login on a code. */
    @DeleteMapping("/api/user")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @RequestBody UserJson.Deletion request, HttpServletRequest http) {
        deletion.delete(user.id(), request.password(), request.code(), http.getRemoteAddr());
    }
}
