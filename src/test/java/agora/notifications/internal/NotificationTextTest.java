package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NotificationTextTest {

    @Test
    void namesTheLatestActorsAndCountsTheRest() {
        assertThat(NotificationText.of(NotificationType.LIKE, List.of("bob", "carol", "dave"), 4, "hello", "Hello", null))
                .isEqualTo("bob and 3 others liked your post “Hello”");
        assertThat(NotificationText.of(NotificationType.LIKE, List.of("bob", "carol"), 2, "hello", "Hello", null))
                .isEqualTo("bob and carol liked your post “Hello”");
        assertThat(NotificationText.of(NotificationType.FOLLOW, List.of("bob"), 1, "alice", "alice", null))
                .isEqualTo("bob followed you");
        assertThat(NotificationText.of(NotificationType.FOLLOW, List.of("bob"), 2, "alice", "alice", null))
                .isEqualTo("bob and 1 other followed you");
        assertThat(NotificationText.of(NotificationType.MENTION, List.of(), 1, "t", "Title", null))
                .isEqualTo("Someone mentioned you in “Title”");
    }

    @Test
    void ordersAndStock() {
        assertThat(NotificationText.of(NotificationType.ORDER_SHIPPED, List.of(), 0, "AB12", "", null))
                .isEqualTo("Your order AB12 was shipped");
        assertThat(NotificationText.of(NotificationType.ORDER_REFUNDED, List.of(), 0, "AB12", "", "partial"))
                .isEqualTo("Your order AB12 was partly refunded");
        assertThat(NotificationText.of(NotificationType.SALE, List.of(), 0, "AB12", "2 × Lamp", null))
                .isEqualTo("You sold 2 × Lamp (order AB12)");
        assertThat(NotificationText.of(NotificationType.LOW_STOCK, List.of(), 0, "prd_1", "Lamp", "3"))
                .isEqualTo("“Lamp” is running low: 3 left");
        assertThat(NotificationText.of(NotificationType.OUT_OF_STOCK, List.of(), 0, "prd_1", "Lamp", "0"))
                .isEqualTo("“Lamp” is out of stock");
    }

    @Test
    void reportOutcomesSayWhatWasReportedAndWhatBecameOfIt() {
        assertThat(NotificationText.of(NotificationType.REPORT_OUTCOME, List.of(), 0, "hello", "hello", "post:actioned"))
                .isEqualTo("Your report on the post “hello” was reviewed: it was removed");
        assertThat(NotificationText.of(NotificationType.REPORT_OUTCOME, List.of(), 0, "prd_1", "prd_1", "product:dismissed"))
                .isEqualTo("Your report on the product “prd_1” was reviewed: no action was taken");
        assertThat(NotificationText.of(NotificationType.REPORT_OUTCOME, List.of(), 0, "bob", "bob", "user:actioned"))
                .isEqualTo("Your report on the user “bob” was reviewed: the account was suspended");
        assertThat(NotificationText.of(NotificationType.REPORT_OUTCOME, List.of(), 0, "42", "42", "comment:dismissed"))
                .isEqualTo("Your report on a comment was reviewed: no action was taken");
    }

    @Test
    void subjectsAreCutToTheirColumns() {
        var subject = new Subject("product", "p".repeat(250), "x".repeat(299) + "😀");
        assertThat(subject.title()).hasSize(300).endsWith("…");
        assertThat(subject.title().chars().filter(c -> Character.isSurrogate((char) c))).isEmpty();
        assertThat(subject.id()).hasSize(Subject.MAX_ID);
        assertThat(new Subject("post", "s", null).title()).isEmpty();
    }
}
