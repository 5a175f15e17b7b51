package agora.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.accounts.internal.Reauthentication;

/** Re-confirms the current session with the password, so that it may make sensitive changes for a while. */
@RestController
class ReauthenticationController {

    private final Reauthentication reauthentication;

    ReauthenticationController(Reauthentication reauthentication) {
        this.reauthentication = reauthentication;
    }

    /** 204, or 422 for a wrong password (which counts as a failed login). */
    @PostMapping("/api/user/reauthenticate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reauthenticate(CurrentUser user, @RequestBody UserJson.PasswordRequest request, HttpServletRequest http) {
        reauthentication.confirmWithPassword(user, request.password(), http.getRemoteAddr());
    }
}
