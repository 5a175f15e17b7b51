package agora.moderation.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import agora.accounts.UserDirectory;

/** The usernames of the people on a page, in one query; deleted accounts are absent (shown as null). */
@Component
class Usernames {

    private final UserDirectory directory;

    Usernames(UserDirectory directory) {
        this.directory = directory;
    }

    Map<Long, String> of(Collection<Long> ids) {
        var names = new HashMap<Long, String>();
        directory.findActiveById(ids).forEach((id, profile) -> names.put(id, profile.username()));
        return names;
    }
}
