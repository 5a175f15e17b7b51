package agora.search.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.accounts.UserDeleted;
import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;
import agora.accounts.UserProfileChanged;
import agora.accounts.UserRegistered;

/**
 * People, from the accounts module's public profiles: username (the title) and bio. Emails, roles and
 * everything else private never reach the index: {@link UserProfile} does not carry them. Deleted accounts
 * leave the index.
 */
@Component
class ProfileSource implements ContentSource {

    static final String NAME = "profiles";

    private final UserDirectory directory;
    private final ChangeLog changes;

    ProfileSource(UserDirectory directory, ChangeLog changes) {
        this.directory = directory;
        this.changes = changes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public SearchType type() {
        return SearchType.PROFILE;
    }

    @Override
    public List<SearchDocument> fetch(Collection<Long> ids) {
        return directory.findActiveById(ids).values().stream().map(ProfileSource::document).toList();
    }

    @Override
    public Page listAfter(long afterId, int limit) {
        return Page.of(directory.listAfter(afterId, limit), afterId, limit, UserProfile::id, ProfileSource::document);
    }

    @ApplicationModuleListener
    void on(UserRegistered event) {
        changes.record(NAME, event.userId());
    }

    @ApplicationModuleListener
    void on(UserProfileChanged event) {
        changes.record(NAME, event.userId());
    }

    @ApplicationModuleListener
    void on(UserDeleted event) {
        changes.record(NAME, event.userId());
    }

    static SearchDocument document(UserProfile profile) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("username", profile.username());
        fields.put("bio", profile.bio());
        fields.put("image", profile.image());
        return new SearchDocument(SearchType.PROFILE, profile.id(), profile.username(), profile.username(), List.of(),
                null, 0, profile.bio(), null, null, 0, null, fields);
    }
}
