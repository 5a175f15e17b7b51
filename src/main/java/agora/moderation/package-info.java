/**
 * Moderation: people report posts, comments, products and users; moderators work through the queue of reports,
 * hide or restore content, suspend or reinstate accounts, dismiss reports, and every such action lands in an
 * append-only audit log. It acts through the other modules' moderation APIs ({@code AccountModeration},
 * {@code PostModeration}, {@code ProductModeration}) and tells reporters the outcome with {@link ReportClosed}.
 */
package agora.moderation;
