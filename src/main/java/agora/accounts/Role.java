package agora.accounts;

/** What a user may do beyond their own account. An admin is a moderator too. */
public enum Role {
    MODERATOR, ADMIN
}
