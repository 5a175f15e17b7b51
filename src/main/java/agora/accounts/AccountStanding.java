package agora.accounts;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Whether accounts are in good standing, for every module that must refuse or hide suspended users. */
public interface AccountStanding {

    /** The suspension in force now, if any (an expired one is not in force). */
    Optional<Suspension> suspension(long userId);

    boolean isSuspended(long userId);

    /** The suspended users among these, in one query. */
    Set<Long> suspendedAmong(Collection<Long> userIds);
}
