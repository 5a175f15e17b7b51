package agora.accounts.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.internal.PasskeyOptions;
import agora.accounts.internal.PasskeySignUp;

/** Signing up with a passkey instead of a password. */
@RestController
class PasskeySignUpController {

    private final PasskeySignUp signUp;

    PasskeySignUpController(PasskeySignUp signUp) {
        this.signUp = signUp;
    }

    @PostMapping("/api/users/passkeys/sign-up/options")
    PasskeyOptions.Creation options(@RequestBody PasskeyJson.SignUpStart request) {
        var user = UsersController.required(request.user());
        return signUp.options(user.username(), user.email());
    }

    /** Answers like {@code POST /api/users}: 201 with the new user and a token. */
    @PostMapping("/api/users/passkeys/sign-up")
    @ResponseStatus(HttpStatus.CREATED)
    UserJson.UserResponse signUp(@RequestBody PasskeyJson.SignUp request) {
        var user = UsersController.required(request.user());
        return UserResponses.of(signUp.signUp(user.username(), user.email(),
                PasskeysController.credential(request.credential())));
    }
}
