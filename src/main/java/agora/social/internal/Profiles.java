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

/** Profiles and the follow graph. */
@Service
public class Profiles {

    private final UserDirectory directory;
    private final FollowRepository follows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Profiles(UserDirectory directory, FollowRepository follows, ApplicationEventPublisher events, Clock clock) {
        this.directory = directory;
        this.follows = follows;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AuthorView view(Optional<Long> reader, String username) {
        var profile = find(username);
        return AuthorView.of(profile, reader.map(r -> isFollowing(r, profile.id())).orElse(false));
    }

    @Transactional
    public AuthorView follow(long reader, String username) {
        var profile = find(username);
        if (profile.id() == reader) {
            throw ApiException.invalid("username", "can't be yourself: you can't follow yourself");
        }
        if (follows.follow(reader, profile.id(), clock.instant())) {
            events.publishEvent(new UserFollowed(reader, profile.id()));
        }
        return AuthorView.of(profile, true);
    }

    @Transactional
    public AuthorView unfollow(long reader, String username) {
        var profile = find(username);
        if (follows.unfollow(reader, profile.id())) {
            events.publishEvent(new UserUnfollowed(reader, profile.id()));
        }
        return AuthorView.of(profile, false);
    }

    private boolean isFollowing(long reader, long user) {
        return follows.followedAmong(reader, List.of(user)).contains(user);
    }

    private UserProfile find(String username) {
        return directory.findByUsername(username).orElseThrow(() -> ApiException.notFound("profile"));
    }
}
