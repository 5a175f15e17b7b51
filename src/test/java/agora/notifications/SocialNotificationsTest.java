package agora.notifications;

import static agora.notifications.Inboxes.await;
import static agora.notifications.Inboxes.awaitCount;
import static agora.notifications.Inboxes.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.Api;
import agora.test.Listeners;
import agora.test.MutableClock;
import agora.test.AgoraTest;

/** Follows, likes, comments and replies notify the people they concern, never the one who acted. */
@AgoraTest
class SocialNotificationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Listeners listeners;

    @BeforeEach
    void noteUnfinishedPublications() {
        listeners = Listeners.whoseIdsStartWith(jdbc, "agora.notifications.");
    }

    @Test
    void likesAggregateIntoOneNotificationAndUnlikingWithdrawsTheLiker() throws Exception {
        var author = Api.signUp(mvc, "author");
        var bob = Api.signUp(mvc, "bob");
        var carol = Api.signUp(mvc, "carol");
        var dave = Api.signUp(mvc, "dave");
        var slug = Inboxes.publish(mvc, author, "Hello", "hi");

        Inboxes.like(mvc, author, slug);
        Inboxes.like(mvc, bob, slug);
        var first = awaitCount(mvc, author, 1).getFirst();
        assertThat(first).containsEntry("type", "like").containsEntry("actorCount", 1).containsEntry("read", false)
                .containsEntry("text", bob.username() + " liked your post “Hello”")
                .containsEntry("subject", Map.of("kind", "post", "id", slug, "title", "Hello"));
        assertThat((List<?>) first.get("actors")).hasSize(1);

        Inboxes.like(mvc, carol, slug);
        Inboxes.like(mvc, dave, slug);
        var aggregated = await(mvc, author, list -> list.size() == 1 && (int) list.getFirst().get("actorCount") == 3);
        assertThat(texts(aggregated)).containsExactly(dave.username() + " and 2 others liked your post “Hello”");
        assertThat(aggregated.getFirst().get("id")).isEqualTo(first.get("id"));
        assertThat(((List<Map<String, Object>>) aggregated.getFirst().get("actors")).stream()
                .map(a -> a.get("username"))).containsExactly(dave.username(), carol.username(), bob.username());

        Inboxes.unlike(mvc, dave, slug);
        Inboxes.unlike(mvc, carol, slug);
        var withdrawn = await(mvc, author, list -> (int) list.getFirst().get("actorCount") == 1);
        assertThat(texts(withdrawn)).containsExactly(bob.username() + " liked your post “Hello”");
        Inboxes.unlike(mvc, bob, slug);
        awaitCount(mvc, author, 0);
        awaitListeners();
        assertThat(Inboxes.list(mvc, author)).isEmpty();
    }

    @Test
    void anAggregatedNotificationMovesToTheTopUnreadAgainButNotAfterTheWindow() throws Exception {
        var author = Api.signUp(mvc, "author");
        var bob = Api.signUp(mvc, "bob");
        var carol = Api.signUp(mvc, "carol");
        var slug = Inboxes.publish(mvc, author, "Moving", "hi");

        Inboxes.like(mvc, bob, slug);
        awaitCount(mvc, author, 1);
        Inboxes.comment(mvc, carol, slug, "nice");
        var two = awaitCount(mvc, author, 2);
        assertThat(two.stream().map(n -> n.get("type"))).containsExactly("comment", "like");
        Inboxes.read(mvc, author, "{}");
        assertThat(Inboxes.unreadCount(mvc, author)).isZero();

        Inboxes.like(mvc, carol, slug);
        var moved = await(mvc, author, list -> list.getFirst().get("type").equals("like"));
        assertThat(moved.getFirst()).containsEntry("read", false).containsEntry("actorCount", 2)
                .containsEntry("text", carol.username() + " and " + bob.username() + " liked your post “Moving”");
        assertThat(moved.get(1)).containsEntry("type", "comment").containsEntry("read", true);
        assertThat(Inboxes.unreadCount(mvc, author)).isEqualTo(1);

        // A read like stays when the liker takes it back.
        Inboxes.read(mvc, author, "{}");
        Inboxes.unlike(mvc, carol, slug);
        awaitListeners();
        assertThat(Inboxes.list(mvc, author).getFirst()).containsEntry("actorCount", 2);

        // After the window a like starts a new notification.
        clock.advance(Duration.ofHours(25));
        var dave = Api.signUp(mvc, "dave");
        Inboxes.like(mvc, dave, slug);
        var fresh = awaitCount(mvc, author, 3);
        assertThat(fresh.getFirst()).containsEntry("type", "like").containsEntry("actorCount", 1)
                .containsEntry("text", dave.username() + " liked your post “Moving”");
        assertThat(fresh.get(1)).containsEntry("actorCount", 2);
    }

    @Test
    void followsNotifyAndUnfollowingWithdraws() throws Exception {
        var alice = Api.signUp(mvc, "alice");
        var bob = Api.signUp(mvc, "bob");
        var carol = Api.signUp(mvc, "carol");

        Inboxes.follow(mvc, bob, alice);
        Inboxes.follow(mvc, bob, alice);
        Inboxes.follow(mvc, carol, alice);
        var followed = await(mvc, alice, list -> list.size() == 1 && (int) list.getFirst().get("actorCount") == 2);
        assertThat(followed.getFirst()).containsEntry("type", "follow")
                .containsEntry("text", carol.username() + " and " + bob.username() + " followed you");

        Inboxes.unfollow(mvc, carol, alice);
        Inboxes.unfollow(mvc, carol, alice);
        await(mvc, alice, list -> (int) list.getFirst().get("actorCount") == 1);
        Inboxes.unfollow(mvc, bob, alice);
        awaitCount(mvc, alice, 0);
        assertThat(Inboxes.unreadCount(mvc, alice)).isZero();
    }

    @Test
    void commentsNotifyTheAuthorAndEarlierCommentersButNeverTheCommenter() throws Exception {
        var author = Api.signUp(mvc, "author");
        var bob = Api.signUp(mvc, "bob");
        var carol = Api.signUp(mvc, "carol");
        var slug = Inboxes.publish(mvc, author, "Thread", "hi");

        Inboxes.comment(mvc, author, slug, "first!");
        Inboxes.comment(mvc, bob, slug, "hello");
        Inboxes.comment(mvc, bob, slug, "me again");
        var carolsComment = Inboxes.comment(mvc, carol, slug, "hi all");

        var authors = awaitCount(mvc, author, 3);
        // Listeners run concurrently: the order of the comments' notifications is the order they were handled in.
        assertThat(texts(authors)).containsExactlyInAnyOrder(carol.username() + " commented on your post “Thread”",
                bob.username() + " commented on your post “Thread”", bob.username() + " commented on your post “Thread”");
        var bobs = awaitCount(mvc, bob, 1);
        assertThat(bobs.getFirst()).containsEntry("type", "reply")
                .containsEntry("text", carol.username() + " also commented on “Thread”");
        awaitListeners();
        assertThat(Inboxes.list(mvc, carol)).isEmpty();

        Inboxes.deleteComment(mvc, carol, slug, carolsComment);
        awaitCount(mvc, bob, 0);
        assertThat(texts(awaitCount(mvc, author, 2))).allMatch(t -> t.startsWith(bob.username()));
    }

    @Test
    void deletingAPostWithdrawsItsUnreadNotifications() throws Exception {
        var author = Api.signUp(mvc, "author");
        var bob = Api.signUp(mvc, "bob");
        var slug = Inboxes.publish(mvc, author, "Short-lived", "hi");
        Inboxes.like(mvc, bob, slug);
        Inboxes.comment(mvc, bob, slug, "hm");
        awaitCount(mvc, author, 2);

        mvc.perform(delete("/api/articles/{s}", slug).header("Authorization", author.authorization()))
                .andExpect(status().is2xxSuccessful());
        awaitCount(mvc, author, 0);
    }

    /** Waits until every event this test handed to the notification listeners has been handled. */
    void awaitListeners() {
        listeners.awaitIdle(Duration.ofSeconds(10));
    }
}
