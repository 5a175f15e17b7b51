package agora.accounts.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RealWorld's request and response bodies for users, each wrapped in a {@code "user"} envelope. */
final class UserJson {

    private UserJson() {
    }

    record Registration(String username, String email, String password) {
    }

    record Credentials(String email, String password) {
    }

    /** @param currentPassword beyond RealWorld: proves who is asking when the email or password changes */
    record Changes(String email, String username, String password, String bio, String image, String currentPassword) {
    }

    record RegistrationRequest(Registration user) {
    }

    record LoginRequest(Credentials user) {
    }

    record UpdateRequest(Changes user) {
    }

    /**
     * @param roles beyond RealWorld: "moderator", "admin" (lower case; an admin has both)
     * @param hasPassword beyond RealWorld: false for an account signed up with a passkey that has set no password
     * @param passwordBreached beyond RealWorld, login answers only: true when the password is on the breached
     *        list and should be changed; absent otherwise
     */
    record User(String email, String token, String username, String bio, String image, boolean emailVerified,
            List<String> roles, boolean hasPassword,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean passwordBreached) {
    }

    record UserResponse(User user) {
    }

    // Account lifecycle bodies (not RealWorld): flat objects.

    record TokenRequest(String token) {
    }

    record EmailRequest(String email) {
    }

    record PasswordResetConfirmation(String token, String password) {
    }

    record CodeRequest(String code) {
    }

    record TwoFactorLogin(String challenge, String code) {
    }

    record Deletion(String password, String code) {
    }

    record PasswordRequest(String password) {
    }

    /** Starting two-factor enrolment; the body is optional, needed only when the session is not recent. */
    record TwoFactorStart(String currentPassword) {
    }

    record TwoFactorDisabling(String code, String currentPassword) {
    }

    /** The answer to a right password when two-factor login is on: complete it at /api/users/login/2fa. */
    record ChallengeResponse(String challenge, String expiresAt) {
    }

    record EnrolmentResponse(String secret, String uri) {
    }

    record RecoveryCodesResponse(List<String> recoveryCodes) {
    }
}
