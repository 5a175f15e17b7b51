package agora.social.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.UserDirectory;
import agora.platform.ApiException;

/**
 * Muting users and tags: their posts leave the reader's feeds and search results, nothing else changes, and
 * the muted user is never told (no event, no flag they can see).
 */
@Service
public class Mutes {

    /** A page of what a reader muted: users newest first, tags in alphabetical order. */
    public record Muted(List<AuthorView> profiles, List<String> tags) {
    }

    private final Profiles profiles;
    private final MuteRepository mutes;
    private final TagRepository tags;
    private final FollowRepository follows;
    private final UserDirectory directory;
    private final KeptCandidates keptFeeds;
    private final Clock clock;

    Mutes(Profiles profiles, MuteRepository mutes, TagRepository tags, FollowRepository follows,
            UserDirectory directory, KeptCandidates keptFeeds, Clock clock) {
        this.keptFeeds = keptFeeds;
        this.profiles = profiles;
        this.mutes = mutes;
        this.tags = tags;
        this.follows = follows;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public ProfileView muteUser(long reader, String username) {
        var profile = profiles.visibleTo(Optional.of(reader), username);
        if (profile.id() == reader) {
            throw ApiException.invalid("username", "can't be yourself: you can't mute yourself");
        }
        mutes.muteUser(reader, profile.id(), clock.instant());
        keptFeeds.forget(reader);
        return profiles.view(reader, profile);
    }

    @Transactional
    public ProfileView unmuteUser(long reader, String username) {
        var profile = profiles.visibleTo(Optional.of(reader), username);
        mutes.unmuteUser(reader, profile.id());
        keptFeeds.forget(reader);
        return profiles.view(reader, profile);
    }

    /** The tag's name as stored; an unknown tag is a 404. */
    @Transactional
    public String muteTag(long reader, String tag) {
        var name = name(tag);
        mutes.muteTag(reader, tagId(name), clock.instant());
        keptFeeds.forget(reader);
        return name;
    }

    @Transactional
    public String unmuteTag(long reader, String tag) {
        var name = name(tag);
        mutes.unmuteTag(reader, tagId(name));
        keptFeeds.forget(reader);
        return name;
    }

    @Transactional(readOnly = true)
    public Muted muted(long reader, Paging paging) {
        var ids = mutes.mutedUsers(reader, paging.limit(), paging.offset());
        var found = directory.findAllById(ids);
        Set<Long> followed = follows.followedAmong(reader, ids);
        var users = ids.stream().filter(found::containsKey)
                .map(id -> AuthorView.of(found.get(id), followed.contains(id))).toList();
        return new Muted(users, mutes.mutedTags(reader, paging.limit(), paging.offset()));
    }

    private long tagId(String name) {
        return tags.findId(name).orElseThrow(() -> ApiException.notFound("tag"));
    }

    private static String name(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }
}
