package agora.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import agora.accounts.CurrentUser;
import agora.accounts.internal.PasskeyOptions;
import agora.accounts.internal.PasskeySignIn;
import agora.accounts.internal.Passkeys;
import agora.platform.ApiException;

/** Passkeys: registering and managing one's own, signing in with one, re-confirming a session with one. */
@RestController
class PasskeysController {

    private final Passkeys passkeys;
    private final PasskeySignIn signIn;

    PasskeysController(Passkeys passkeys, PasskeySignIn signIn) {
        this.passkeys = passkeys;
        this.signIn = signIn;
    }

    @PostMapping("/api/users/passkeys/registration/options")
    PasskeyOptions.Creation registrationOptions(CurrentUser user,
            @RequestBody(required = false) PasskeyJson.Confirmation request, HttpServletRequest http) {
        return passkeys.registrationOptions(user, request == null ? null : request.currentPassword(),
                http.getRemoteAddr());
    }

    @PostMapping("/api/users/passkeys")
    @ResponseStatus(HttpStatus.CREATED)
    PasskeyJson.PasskeyResponse register(CurrentUser user, @RequestBody PasskeyJson.Registration request,
            HttpServletRequest http) {
        return new PasskeyJson.PasskeyResponse(PasskeyJson.PasskeyView.of(
                passkeys.register(user, credential(request.credential()), request.name(), http.getRemoteAddr())));
    }

    @GetMapping("/api/users/passkeys")
    PasskeyJson.PasskeysResponse list(CurrentUser user) {
        return new PasskeyJson.PasskeysResponse(
                passkeys.list(user.id()).stream().map(PasskeyJson.PasskeyView::of).toList());
    }

    @PutMapping("/api/users/passkeys/{id}")
    PasskeyJson.PasskeyResponse rename(CurrentUser user, @PathVariable String id,
            @RequestBody PasskeyJson.Rename request) {
        return new PasskeyJson.PasskeyResponse(PasskeyJson.PasskeyView.of(passkeys.rename(user.id(), id, request.name())));
    }

    @DeleteMapping("/api/users/passkeys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String id,
            @RequestBody(required = false) PasskeyJson.Confirmation request, HttpServletRequest http) {
        passkeys.delete(user, id, request == null ? null : request.currentPassword(), http.getRemoteAddr());
    }

    @PostMapping("/api/users/passkeys/login/options")
    PasskeyOptions.Request signInOptions(@RequestBody(required = false) PasskeyJson.SignInStart request) {
        return signIn.signInOptions(request == null ? null : request.email());
    }

    /** Answers like {@code POST /api/users/login}: the user and a token (never a two-factor challenge). */
    @PostMapping("/api/users/passkeys/login")
    UserJson.UserResponse signIn(@RequestBody PasskeyJson.Assertion request, HttpServletRequest http) {
        return UserResponses.of(signIn.signIn(credential(request.credential()), http.getRemoteAddr()));
    }

    @PostMapping("/api/user/reauthenticate/passkey/options")
    PasskeyOptions.Request reauthenticationOptions(CurrentUser user) {
        return signIn.reauthenticationOptions(user);
    }

    @PostMapping("/api/user/reauthenticate/passkey")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reauthenticate(CurrentUser user, @RequestBody PasskeyJson.Assertion request) {
        signIn.reauthenticate(user, credential(request.credential()));
    }

    static String credential(JsonNode credential) {
        if (credential == null || !credential.isObject()) {
            throw ApiException.invalid("credential", "is required (the PublicKeyCredential as JSON)");
        }
        return credential.toString();
    }
}
