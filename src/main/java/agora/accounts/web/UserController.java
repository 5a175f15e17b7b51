package agora.accounts.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.accounts.internal.Accounts;

/** The signed-in user's own account (RealWorld {@code /api/user}). */
@RestController
class UserController {

    private final Accounts accounts;

    UserController(Accounts accounts) {
        this.accounts = accounts;
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
}
