package agora.accounts;

/** How to reach a user by email. Private data: for sending email, never for showing to other users. */
public record UserContact(long userId, String username, String email, boolean emailVerified) {

    @Override
    public String toString() {
        return "UserContact[userId=" + userId + ", username=" + username + "]";
    }
}
