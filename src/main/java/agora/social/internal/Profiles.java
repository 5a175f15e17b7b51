package agora.social.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;
import agora.platform.ApiException;
import agora.social.UserFollowed;
import agora.social.UserUnfollowed;

/**
 * Profiles and the follow graph. A user who blocked the reader does not exist for that reader (404), so that
 * the block is not revealed; the blocker still sees whom they blocked.
 */
@Service
public class Profiles {

    private final UserDirectory directory;
    private final FollowRepository follows;
    private final BlockRepository blocks;
    private final MuteRepository mutes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Profiles(UserDirectory directory, FollowRepository follows, BlockRepository blocks, MuteRepository mutes,
            ApplicationEventPublisher events, Clock clock) {
        this.directory = directory;
        this.follows = follows;
        this.blocks = blocks;
        this.mutes = mutes;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ProfileView view(Optional<Long> reader, String username) {
        var profile = visibleTo(reader, username);
        return reader.map(r -> view(r, profile)).orElseGet(() -> new ProfileView(AuthorView.of(profile, false), null, null));
    }

    @Transactional
    public ProfileView follow(long reader, String username) {
        var profile = visibleTo(Optional.of(reader), username);
        if (profile.id() == reader) {
            throw ApiException.invalid("username", "can't be yourself: you can't follow yourself");
        }
        if (blocks.isBlocking(reader, profile.id())) {
            throw ApiException.forbidden("you blocked this user: unblock them to follow them");
        }
        if (follows.follow(reader, profile.id(), clock.instant())) {
            events.publishEvent(new UserFollowed(reader, profile.id()));
        }
        return view(reader, profile);
    }

    @Transactional
    public ProfileView unfollow(long reader, String username) {
        var profile = visibleTo(Optional.of(reader), username);
        if (follows.unfollow(reader, profile.id())) {
            events.publishEvent(new UserUnfollowed(reader, profile.id()));
        }
        return view(reader, profile);
    }

    /** The user with this name, unless they blocked the reader: then, as for an unknown name, a 404. */
    UserProfile visibleTo(Optional<Long> reader, String username) {
        var profile = directory.findByUsername(username).orElseThrow(() -> ApiException.notFound("profile"));
        if (reader.isPresent() && reader.get() != profile.id() && blocks.isBlocking(profile.id(), reader.get())) {
            throw ApiException.notFound("profile");
        }
        return profile;
    }

    ProfileView view(long reader, UserProfile profile) {
        if (reader == profile.id()) {
            return new ProfileView(AuthorView.of(profile, false), null, null);
        }
        var following = follows.followedAmong(reader, List.of(profile.id())).contains(profile.id());
        return new ProfileView(AuthorView.of(profile, following), blocks.isBlocking(reader, profile.id()),
                mutes.isMuting(reader, profile.id()));
    }
}
