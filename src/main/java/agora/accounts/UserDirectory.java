package agora.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How other modules learn about users: public profiles, looked up one at a time or in one batch. */
public interface UserDirectory {

    Optional<UserProfile> findById(long id);

    /** Usernames are unique ignoring case, so this finds "Alice" when asked for "alice". */
    Optional<UserProfile> findByUsername(String username);

    /** Profiles of the given users in one query; ids without a user are absent from the map. */
    Map<Long, UserProfile> findAllById(Collection<Long> ids);

    /** Like {@link #findAllById}, but deleted accounts are absent too: the people who may still be found. */
    Map<Long, UserProfile> findActiveById(Collection<Long> ids);

    /** Profiles in id order after {@code afterId}, for streaming every user (e.g. to build a search index). */
    List<UserProfile> listAfter(long afterId, int limit);

    boolean isEmailVerified(long userId);
}
