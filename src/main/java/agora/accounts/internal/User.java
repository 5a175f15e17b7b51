package agora.accounts.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user as stored: identity, credentials and public profile.
 *
 * @param emailVerifiedAt when the current address was proven to be the user's; null while unverified
 */
public record User(long id, String username, String email, String passwordHash, String bio, String image,
        Role role, Instant emailVerifiedAt) {

    /** Stored roles are a ladder: each grants what the ones below it do (an admin is a moderator too). */
    public enum Role {
        USER, MODERATOR, ADMIN;

        /** The public roles this step of the ladder grants. */
        public Set<agora.accounts.Role> granted() {
            return switch (this) {
                case USER -> EnumSet.noneOf(agora.accounts.Role.class);
                case MODERATOR -> EnumSet.of(agora.accounts.Role.MODERATOR);
                case ADMIN -> EnumSet.of(agora.accounts.Role.MODERATOR, agora.accounts.Role.ADMIN);
            };
        }

        /** The lowest step that grants every one of these roles. */
        public static Role granting(Set<agora.accounts.Role> roles) {
            if (roles.contains(agora.accounts.Role.ADMIN)) {
                return ADMIN;
            }
            return roles.contains(agora.accounts.Role.MODERATOR) ? MODERATOR : USER;
        }

        public boolean isModerator() {
            return this != USER;
        }
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
