package agora.accounts;

import java.time.Instant;

/** Published in the transaction that changes a user's email address; the old address deserves a notice. */
public record EmailChanged(long userId, String oldEmail, String newEmail, Instant changedAt) {

    @Override
    public String toString() {
        return "EmailChanged[userId=" + userId + ", changedAt=" + changedAt + "]";
    }
}
