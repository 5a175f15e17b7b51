package agora.social.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.UserDirectory;
import agora.platform.ApiException;
import agora.social.UserUnfollowed;

/** Blocking and unblocking users. A block removes the follows between the two, either way. */
@Service
public class Blocks {

    /** One page of the users a reader blocked, and how many they blocked in all. */
    public record BlockedPage(List<AuthorView> profiles, long count) {
    }

    private final Profiles profiles;
    private final BlockRepository blocks;
    private final FollowRepository follows;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final KeptCandidates keptFeeds;
    private final Clock clock;

    Blocks(Profiles profiles, BlockRepository blocks, FollowRepository follows, UserDirectory directory,
            ApplicationEventPublisher events, KeptCandidates keptFeeds, Clock clock) {
        this.keptFeeds = keptFeeds;
        this.profiles = profiles;
        this.blocks = blocks;
        this.follows = follows;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ProfileView block(long reader, String username) {
        var profile = profiles.visibleTo(Optional.of(reader), username);
        if (profile.id() == reader) {
            throw ApiException.invalid("username", "can't be yourself: you can't block yourself");
        }
        if (blocks.block(reader, profile.id(), clock.instant())) {
            keptFeeds.forget(reader, profile.id());
            if (follows.unfollow(reader, profile.id())) {
                events.publishEvent(new UserUnfollowed(reader, profile.id()));
            }
            if (follows.unfollow(profile.id(), reader)) {
                events.publishEvent(new UserUnfollowed(profile.id(), reader));
            }
        }
        return profiles.view(reader, profile);
    }

    @Transactional
    public ProfileView unblock(long reader, String username) {
        var profile = profiles.visibleTo(Optional.of(reader), username);
        blocks.unblock(reader, profile.id());
        keptFeeds.forget(reader, profile.id());
        return profiles.view(reader, profile);
    }

    /** Newest block first; accounts deleted since are left out. */
    @Transactional(readOnly = true)
    public BlockedPage blocked(long reader, Paging paging) {
        var ids = blocks.blockedBy(reader, paging.limit(), paging.offset());
        var found = directory.findAllById(ids);
        var page = ids.stream().filter(found::containsKey).map(id -> AuthorView.of(found.get(id), false)).toList();
        return new BlockedPage(page, blocks.countBlockedBy(reader));
    }
}
