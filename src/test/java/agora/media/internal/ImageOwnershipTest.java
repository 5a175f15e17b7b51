package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import agora.media.ImageApi;
import agora.media.ImageApi.Uploaded;
import agora.media.ImageLinks;
import agora.media.ImageOwner;
import agora.media.Images;
import agora.platform.ApiException;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/** Images as other modules use them: attached, replaced, released, linked; and the sweep of unattached ones. */
@AgoraTest
class ImageOwnershipTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Images images;

    @Autowired
    UnattachedSweep sweep;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Value("${agora.storage.directory}")
    Path storage;

    long userId(Api.SignedUp user) {
        return jdbc.sql("select id from users where username = ?").param(user.username()).query(Long.class).single();
    }

    boolean filesExist(Uploaded image) {
        return image.urls().stream().allMatch(url -> Files.exists(storage.resolve(url.substring("/images/".length()))));
    }

    boolean filesGone(Uploaded image) {
        return image.urls().stream().noneMatch(url -> Files.exists(storage.resolve(url.substring("/images/".length()))));
    }

    static ImageOwner product() {
        return ImageOwner.product(Api.uniqueName("prd"));
    }

    @Test
    void attachGivesTheOwnerItsImagesInOrderAndAnswersTheirLinks() throws Exception {
        var user = Api.signUp(mvc, "attacher");
        var a = ImageApi.upload(mvc, user);
        var b = ImageApi.upload(mvc, user);
        var owner = product();
        var links = images.attach(owner, userId(user), List.of(b.id(), a.id()), "images");
        assertThat(links).containsExactly(new ImageLinks(b.id(), b.small(), b.medium(), b.large()),
                new ImageLinks(a.id(), a.small(), a.medium(), a.large()));
        assertThat(jdbc.sql("select public_id from images where owner_kind = ? and owner_id = ? order by position")
                .params(owner.kind(), owner.id()).query(String.class).list()).containsExactly(b.id(), a.id());
        // The same set again, reordered: nothing is deleted.
        images.attach(owner, userId(user), List.of(a.id(), b.id()), "images");
        assertThat(filesExist(a) && filesExist(b)).isTrue();
        assertThat(images.links(List.of(a.id(), b.id(), "img_unknown"))).containsOnlyKeys(a.id(), b.id());
    }

    @Test
    void attachRefusesImagesThatAreUnknownSomeoneElsesTakenOrRepeated() throws Exception {
        var user = Api.signUp(mvc, "strict");
        var stranger = Api.signUp(mvc, "stranger");
        var mine = ImageApi.upload(mvc, user);
        var theirs = ImageApi.upload(mvc, stranger);
        var taken = ImageApi.upload(mvc, user);
        images.attach(product(), userId(user), List.of(taken.id()), "images");
        long id = userId(user);

        assertThatThrownBy(() -> images.attach(product(), id, List.of(mine.id(), "img_nope"), "images"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).containsOnlyKeys("images"));
        assertThatThrownBy(() -> images.attach(product(), id, List.of(theirs.id()), "photos"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.errors()).containsOnlyKeys("photos");
                });
        assertThatThrownBy(() -> images.attach(product(), id, List.of(taken.id()), "images"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errors().get("images").getFirst()).contains("already used"));
        assertThatThrownBy(() -> images.attach(product(), id, List.of(mine.id(), mine.id()), "images"))
                .isInstanceOf(ApiException.class);
        // Nothing was attached by the refused calls.
        assertThat(jdbc.sql("select owner_kind from images where public_id = ?").param(mine.id())
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void ownersRacingForOneImageCannotBothHaveIt() throws Exception {
        var user = Api.signUp(mvc, "racer");
        var contested = ImageApi.upload(mvc, user);
        long id = userId(user);
        var owners = IntStream.range(0, 8).mapToObj(i -> product()).toList();
        var start = new CountDownLatch(1);
        var winners = new ConcurrentLinkedQueue<ImageOwner>();
        var losers = new AtomicInteger();
        try (var threads = Executors.newFixedThreadPool(owners.size())) {
            for (var owner : owners) {
                threads.submit(() -> {
                    start.await();
                    try {
                        images.attach(owner, id, List.of(contested.id()), "images");
                        winners.add(owner);
                    } catch (ApiException e) {
                        losers.incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(winners).hasSize(1);
        assertThat(losers).hasValue(owners.size() - 1);
        var winner = winners.peek();
        assertThat(jdbc.sql("select owner_id from images where public_id = ?").param(contested.id())
                .query(String.class).single()).isEqualTo(winner.id());
    }

    @Test
    void imagesDroppedFromAnOwnerAreDeletedFilesOnlyOnceTheTransactionCommits() throws Exception {
        var user = Api.signUp(mvc, "replacer");
        var old = ImageApi.upload(mvc, user);
        var replacement = ImageApi.upload(mvc, user);
        var owner = product();
        long id = userId(user);
        images.attach(owner, id, List.of(old.id()), "images");

        transaction.executeWithoutResult(status -> {
            images.attach(owner, id, List.of(replacement.id()), "images");
            assertThat(filesExist(old)).as("files stay until the commit").isTrue();
        });
        assertThat(filesGone(old)).isTrue();
        assertThat(images.links(List.of(old.id()))).isEmpty();
        assertThat(filesExist(replacement)).isTrue();

        // A rolled-back transaction keeps both rows and files.
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            images.attach(owner, id, List.of(), "images");
            throw new IllegalStateException("the caller fails after attaching");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(filesExist(replacement)).isTrue();
        assertThat(images.links(List.of(replacement.id()))).containsOnlyKeys(replacement.id());
    }

    @Test
    void releaseDeletesAnOwnersImagesAndReleaseAllUploadedByEveryUpload() throws Exception {
        var user = Api.signUp(mvc, "leaver");
        var first = ImageApi.upload(mvc, user);
        var second = ImageApi.upload(mvc, user);
        var loose = ImageApi.upload(mvc, user);
        var other = ImageApi.upload(mvc, Api.signUp(mvc, "stayer"));
        var owner = product();
        long id = userId(user);
        images.attach(owner, id, List.of(first.id()), "images");
        images.attach(ImageOwner.avatar(id), id, List.of(second.id()), "image");

        images.release(owner);
        assertThat(filesGone(first)).isTrue();
        assertThat(ImageApi.statusOf(mvc, first.medium())).isEqualTo(404);
        assertThat(filesExist(second) && filesExist(loose)).isTrue();

        transaction.executeWithoutResult(status -> images.releaseAllUploadedBy(id));
        assertThat(filesGone(second) && filesGone(loose)).isTrue();
        assertThat(images.links(List.of(first.id(), second.id(), loose.id()))).isEmpty();
        assertThat(jdbc.sql("select count(*) from image_uploads where uploader_id = ?").param(id).query(Long.class)
                .single()).isZero();
        assertThat(filesExist(other)).isTrue();
    }

    @Test
    void theSweepDeletesImagesNeverAttachedWithinTheirTimeOnly() throws Exception {
        var user = Api.signUp(mvc, "sweepy");
        var attached = ImageApi.upload(mvc, user);
        var forgotten = ImageApi.upload(mvc, user);
        images.attach(product(), userId(user), List.of(attached.id()), "images");

        sweep.sweep();
        assertThat(filesExist(forgotten)).as("a fresh upload is kept").isTrue();

        clock.advance(Duration.ofHours(25));
        sweep.sweep();
        assertThat(filesGone(forgotten)).isTrue();
        assertThat(ImageApi.statusOf(mvc, forgotten.large())).isEqualTo(404);
        assertThat(filesExist(attached)).isTrue();
        assertThat(ImageApi.statusOf(mvc, attached.large())).isEqualTo(200);
        // The sweep also forgets uploads older than the daily limit's window.
        assertThat(jdbc.sql("select count(*) from image_uploads where uploader_id = ?").param(userId(user))
                .query(Long.class).single()).isZero();
    }
}
