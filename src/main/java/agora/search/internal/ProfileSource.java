package agora.search.internal;

import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import agora.accounts.AccountStanding;
import agora.accounts.SuspensionLifted;
import agora.accounts.UserDeleted;
import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;
import agora.accounts.UserProfileChanged;
import agora.accounts.UserRegistered;
import agora.accounts.UserSuspended;

/**
 * People, from the accounts module's public profiles: username (the title) and bio. Emails, roles and
 * everything else private never reach the index: {@link UserProfile} does not carry them. Deleted accounts
 * leave the index, and suspended ones until the suspension is lifted.
 */
@Component
class ProfileSource extends ModuleSource<UserProfile> {

    static final String NAME = "profiles";

    private final AccountStanding standing;

    ProfileSource(UserDirectory directory, AccountStanding standing, ChangeLog changes) {
        super(NAME, 1, SearchType.PROFILE, changes, ids -> List.copyOf(directory.findActiveById(ids).values()),
                directory::listAfter, UserProfile::id);
        this.standing = standing;
    }

    @Override
    List<UserProfile> searchable(List<UserProfile> profiles) {
        var suspended = standing.suspendedAmong(profiles.stream().map(UserProfile::id).toList());
        return suspended.isEmpty() ? profiles : profiles.stream().filter(p -> !suspended.contains(p.id())).toList();
    }

    @EventListener
    void on(UserSuspended event) {
        changed(event.userId());
    }

    @EventListener
    void on(SuspensionLifted event) {
        changed(event.userId());
    }

    @EventListener
    void on(UserRegistered event) {
        changed(event.userId());
    }

    @EventListener
    void on(UserProfileChanged event) {
        changed(event.userId());
    }

    @EventListener
    void on(UserDeleted event) {
        changed(event.userId());
    }

    @Override
    SearchDocument document(UserProfile profile) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("username", profile.username());
        fields.put("bio", profile.bio());
        fields.put("image", profile.image());
        return new SearchDocument(SearchType.PROFILE, profile.id(), profile.username(), profile.username(), List.of(),
                null, 0, profile.bio(), null, null, 0, null, fields);
    }
}
