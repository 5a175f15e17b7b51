package agora.accounts.web;

/** RealWorld's request and response bodies for users, each wrapped in a {@code "user"} envelope. */
final class UserJson {

    private UserJson() {
    }

    record Registration(String username, String email, String password) {
    }

    record Credentials(String email, String password) {
    }

    record Changes(String email, String username, String password, String bio, String image) {
    }

    record RegistrationRequest(Registration user) {
    }

    record LoginRequest(Credentials user) {
    }

    record UpdateRequest(Changes user) {
    }

    record User(String email, String token, String username, String bio, String image) {
    }

    record UserResponse(User user) {
    }
}
