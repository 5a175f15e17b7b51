package agora.notifications.internal;

/**
 * What a notification is about. Each type has a default for email (see {@link EmailChoice}); in-app is always on.
 * The names are part of the API ({@code type} in the JSON, keys of the notification settings).
 */
enum NotificationType {

    FOLLOW(EmailChoice.NEVER),
    LIKE(EmailChoice.NEVER),
    COMMENT(EmailChoice.DAILY),
    REPLY(EmailChoice.DAILY),
    MENTION(EmailChoice.DAILY),
    ORDER_PAID(EmailChoice.AT_ONCE),
    ORDER_SHIPPED(EmailChoice.AT_ONCE),
    ORDER_REFUNDED(EmailChoice.AT_ONCE),
    SALE(EmailChoice.AT_ONCE),
    LOW_STOCK(EmailChoice.AT_ONCE),
    OUT_OF_STOCK(EmailChoice.AT_ONCE),
    // in-app is enough to close the loop with a reporter; they may ask for email in their settings
    REPORT_OUTCOME(EmailChoice.NEVER);

    private final EmailChoice defaultEmail;

    NotificationType(EmailChoice defaultEmail) {
        this.defaultEmail = defaultEmail;
    }

    EmailChoice defaultEmail() {
        return defaultEmail;
    }

    /** Whether notifications of this type on the same subject within the aggregation window become one. */
    boolean aggregates() {
        return this == FOLLOW || this == LIKE;
    }

    /** How a person wants to hear of a type by email. */
    enum EmailChoice {
        NEVER, AT_ONCE, DAILY
    }
}
