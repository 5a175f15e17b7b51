package agora.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.accounts.internal.EmailVerification;
import agora.accounts.internal.PasswordReset;
import agora.accounts.internal.Reauthentication;
import agora.accounts.internal.TwoFactor;
import agora.platform.ApiException;

/** Email verification, password reset and two-factor enrolment. */
@RestController
class AccountLifecycleController {

    private final EmailVerification verification;
    private final PasswordReset reset;
    private final TwoFactor twoFactor;
    private final Reauthentication reauthentication;

    AccountLifecycleController(EmailVerification verification, PasswordReset reset, TwoFactor twoFactor,
            Reauthentication reauthentication) {
        this.verification = verification;
        this.reset = reset;
        this.twoFactor = twoFactor;
        this.reauthentication = reauthentication;
    }

    @PostMapping("/api/users/verification")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verify(@RequestBody UserJson.TokenRequest request) {
        verification.verify(request.token());
    }

    @PostMapping("/api/users/verification/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resend(CurrentUser user) {
        verification.resend(user.id());
    }

    /** Always 202 for a well-formed address: whether an account has it is nobody's business. */
    @PostMapping("/api/users/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@RequestBody UserJson.EmailRequest request) {
        reset.request(request.email());
    }

    @PostMapping("/api/users/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmReset(@RequestBody UserJson.PasswordResetConfirmation request) {
        reset.confirm(request.token(), request.password());
    }

    /** Needs a fresh proof of identity: a recent session, or {@code currentPassword} in the (optional) body. */
    @PostMapping("/api/user/2fa")
    UserJson.EnrolmentResponse startTwoFactor(CurrentUser user,
            @RequestBody(required = false) UserJson.TwoFactorStart request, HttpServletRequest http) {
        reauthentication.require(user, request == null ? null : request.currentPassword(), http.getRemoteAddr());
        var enrolment = twoFactor.start(user.id());
        return new UserJson.EnrolmentResponse(enrolment.secret(), enrolment.uri());
    }

    @PostMapping("/api/user/2fa/confirm")
    UserJson.RecoveryCodesResponse confirmTwoFactor(CurrentUser user, @RequestBody UserJson.CodeRequest request,
            HttpServletRequest http) {
        return new UserJson.RecoveryCodesResponse(
                twoFactor.confirm(user.id(), user.sessionId(), code(request), http.getRemoteAddr()));
    }

    @DeleteMapping("/api/user/2fa")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disableTwoFactor(CurrentUser user, @RequestBody UserJson.TwoFactorDisabling request,
            HttpServletRequest http) {
        var code = code(request.code());
        reauthentication.require(user, request.currentPassword(), http.getRemoteAddr());
        twoFactor.disable(user.id(), user.sessionId(), code, http.getRemoteAddr());
    }

    private static String code(UserJson.CodeRequest request) {
        return code(request.code());
    }

    private static String code(String code) {
        if (code == null || code.isBlank()) {
            throw ApiException.invalid("code", "can't be blank");
        }
        if (code.length() > 40) {
            throw ApiException.invalid("code", "is invalid");
        }
        return code;
    }
}
