package agora.moderation;

/**
 * Published in the transaction that closes a report, so its reporter can be told the outcome. Moderators stay
 * anonymous: the event does not say who closed it.
 *
 * @param kind {@code post}, {@code comment}, {@code product} or {@code user}
 * @param subject the subject's public id: slug, comment id, product id or username
 */
public record ReportClosed(long reportId, long reporterId, String kind, String subject, Outcome outcome) {

    public enum Outcome {
        /** A moderator acted on the subject: hid the content or suspended the account. */
        ACTIONED,
        /** A moderator looked and took no action. */
        DISMISSED
    }
}
