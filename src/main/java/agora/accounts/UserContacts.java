package agora.accounts;

import java.util.Optional;

/** Email addresses of users, for the module that sends email (e.g. an order confirmation to the buyer). */
public interface UserContacts {

    /** The user's current address; empty for unknown and deleted users. */
    Optional<UserContact> contactOf(long userId);
}
