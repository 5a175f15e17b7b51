package agora.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import agora.accounts.UserDirectory;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/**
 * The ranked feed keeps a reader's candidate posts for a while and re-ranks them on the next requests. What
 * another node changed (rows written here behind this node's back), and what was deleted or hidden, must
 * still be gone from the very next request; a followed author's new post must show at once.
 */
@AgoraTest
class KeptFeedTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory directory;

    @Autowired
    PostModeration moderation;

    @Autowired
    MutableClock clock;

    Api.SignedUp reader;
    Api.SignedUp a;
    Api.SignedUp b;
    String tag;
    String a1;
    String a2;
    String b1;

    @BeforeEach
    void readTheFeedOnce() throws Exception {
        reader = Api.signUp(mvc, "reader");
        a = Api.signUp(mvc, "a");
        b = Api.signUp(mvc, "b");
        tag = "k" + reader.username().substring(7);
        SocialApi.follow(mvc, reader, a);
        SocialApi.follow(mvc, reader, b);
        a1 = SocialApi.publish(mvc, a, "a1", tag);
        a2 = SocialApi.publish(mvc, a, "a2");
        b1 = SocialApi.publish(mvc, b, "b1");
        SocialApi.like(mvc, reader, a1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(feed(reader)).containsExactlyInAnyOrder(a1, a2, b1);
    }

    java.util.List<String> feed(Api.SignedUp who) throws Exception {
        return SocialApi.slugs(mvc, who, "/api/feed");
    }

    long id(Api.SignedUp user) {
        return directory.findByUsername(user.username()).orElseThrow().id();
    }

    OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    @Test
    void leavesOutADeletedOrHiddenPostAtOnce() throws Exception {
        mvc.perform(delete("/api/articles/{s}", a1).header("Authorization", a.authorization()))
                .andExpect(status().is2xxSuccessful());
        moderation.hidePost(b1, "spam");
        assertThat(feed(reader)).containsExactly(a2);
    }

    @Test
    void leavesOutAnAuthorUnfollowedBlockedOrMutedOnAnotherNodeAtOnce() throws Exception {
        jdbc.sql("delete from follows where follower_id = ? and followee_id = ?").params(id(reader), id(b)).update();
        assertThat(feed(reader)).containsExactlyInAnyOrder(a1, a2);

        jdbc.sql("insert into user_mutes (muter_id, muted_id, created_at) values (?, ?, ?)")
                .params(id(reader), id(a), now()).update();
        assertThat(feed(reader)).isEmpty();
        jdbc.sql("delete from user_mutes where muter_id = ?").param(id(reader)).update();

        jdbc.sql("insert into blocks (blocker_id, blocked_id, created_at) values (?, ?, ?)")
                .params(id(a), id(reader), now()).update();
        assertThat(feed(reader)).isEmpty();
    }

    @Test
    void showsAFollowedAuthorsNewPostAtOnceAndANewlyFollowedAuthorsPosts() throws Exception {
        var a3 = SocialApi.publish(mvc, a, "a3");
        assertThat(feed(reader)).containsExactlyInAnyOrder(a1, a2, a3, b1);

        var c = Api.signUp(mvc, "c");
        var c1 = SocialApi.publish(mvc, c, "c1");
        SocialApi.follow(mvc, reader, c);
        assertThat(feed(reader)).contains(c1).hasSize(5);
    }

    @Test
    void discoversAStrangersNewPostWhenTheKeptCandidatesExpire() throws Exception {
        var stranger = Api.signUp(mvc, "s");
        var s1 = SocialApi.publish(mvc, stranger, "s1", tag);
        assertThat(feed(reader)).doesNotContain(s1);
        clock.advance(Duration.ofSeconds(61));
        assertThat(feed(reader)).contains(s1);
    }

    @Test
    void neverServesOneReadersCandidatesToAnother() throws Exception {
        var other = Api.signUp(mvc, "other");
        assertThat(feed(other)).isEmpty();
        SocialApi.follow(mvc, other, b);
        assertThat(feed(other)).containsExactly(b1);
        assertThat(feed(reader)).containsExactlyInAnyOrder(a1, a2, b1);
    }
}
