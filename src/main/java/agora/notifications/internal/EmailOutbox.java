package agora.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;
import agora.platform.Timestamps;

/**
 * Every email from the moment it is decided until it is delivered or given up. Sending is guarded by a
 * claim: a node takes an email by moving its next attempt past a lease, in one conditional update, so two
 * nodes never send the same email at once; a node that dies mid-send loses the email to the next sweep
 * when the lease runs out.
 */
@Repository
class EmailOutbox {

    enum Status {
        PENDING, SENT, FAILED, EXPIRED
    }

    private static final String OUTGOING = """
            select id, message_id, user_id, recipient, template, subject, text_body, html_body, headers, created_at,
                attempts
            from email_outbox""";

    private final JdbcClient jdbc;

    EmailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a rendered email, claimed until {@code leaseUntil} by the caller, who sends it as soon as the
     * recording commits (if it never does, the email is due when the lease runs out); empty when an email with
     * this key exists already.
     */
    Optional<OutgoingEmail> record(Email email, RenderedEmail content, String messageId, Instant now,
            Instant leaseUntil) {
        var keys = new GeneratedKeyHolder();
        var inserted = jdbc.sql("""
                insert into email_outbox (dedupe_key, message_id, user_id, recipient, recipient_key, template,
                    subject, text_body, html_body, headers, status, attempts, next_attempt_at, discard_after,
                    created_at)
                values (:key, :messageId, :userId, :to, :toKey, :template, :subject, :text, :html, :headers,
                    'PENDING', 1, :leaseUntil, :discardAfter, :now)
                on conflict do nothing""")
                .param("key", email.key()).param("messageId", messageId).param("userId", email.userId())
                .param("to", email.to()).param("toKey", recipientKey(email.to()))
                .param("template", email.template()).param("subject", content.subject())
                .param("text", content.text()).param("html", content.html())
                .param("headers", EmailHeaders.format(email.headers()))
                .param("leaseUntil", Sql.timestamp(leaseUntil)).param("now", Sql.timestamp(now))
                .param("discardAfter", Sql.timestamp(email.discardAfter()))
                .update(keys, "id");
        return inserted == 1 ? Optional.of(new OutgoingEmail(keys.getKeyAs(Long.class), messageId, email.userId(),
                email.to(), email.template(), content.subject(), content.text(), content.html(), email.headers(), now,
                1))
                : Optional.empty();
    }

    List<Long> findDue(Instant now, int limit) {
        return jdbc.sql("""
                select id from email_outbox where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at limit ?""")
                .params(Sql.timestamp(now), limit).query(Long.class).list();
    }

    /**
     * Takes a due email for sending until {@code leaseUntil}; empty when it is not due, another node took it,
     * or its content has become useless.
     */
    Optional<OutgoingEmail> claim(long id, Instant now, Instant leaseUntil) {
        var claimed = jdbc.sql("""
                update email_outbox set attempts = attempts + 1, next_attempt_at = ?
                where id = ? and status = 'PENDING' and next_attempt_at <= ?
                  and (discard_after is null or discard_after > ?)""")
                .params(Sql.timestamp(leaseUntil), id, Sql.timestamp(now), Sql.timestamp(now)).update() == 1;
        return claimed ? jdbc.sql(OUTGOING + " where id = ?").param(id).query(EmailOutbox::map).optional()
                : Optional.empty();
    }

    /**
     * The server accepted the email. Unless {@code keepContent} (the development mailbox is read later),
     * the bodies go: they may hold single-use links.
     */
    void markSent(long id, String via, boolean keepContent, Instant now) {
        jdbc.sql("update email_outbox set status = 'SENT', delivered_via = ?, finished_at = ?, last_error = null"
                + (keepContent ? "" : ", text_body = null, html_body = null") + " where id = ?")
                .params(via, Sql.timestamp(now), id).update();
    }

    void scheduleRetry(long id, Instant at, String error) {
        jdbc.sql("update email_outbox set next_attempt_at = ?, last_error = ? where id = ? and status = 'PENDING'")
                .params(Sql.timestamp(at), truncate(error), id).update();
    }

    void markFailed(long id, String error, Instant now) {
        jdbc.sql("""
                update email_outbox set status = 'FAILED', finished_at = ?, last_error = ?,
                    text_body = null, html_body = null
                where id = ?""")
                .params(Sql.timestamp(now), truncate(error), id).update();
    }

    /** Gives up emails whose content became useless before delivery, and clears such content everywhere. */
    int discardObsolete(Instant now) {
        var expired = jdbc.sql("""
                update email_outbox set status = 'EXPIRED', finished_at = ?, text_body = null, html_body = null
                where discard_after <= ? and status = 'PENDING'""")
                .params(Sql.timestamp(now), Sql.timestamp(now)).update();
        jdbc.sql("""
                update email_outbox set text_body = null, html_body = null
                where discard_after <= ? and text_body is not null""")
                .param(Sql.timestamp(now)).update();
        return expired;
    }

    List<MailboxMessage> mailbox(String to, int limit) {
        var sql = """
                select id, message_id, recipient, template, subject, text_body, html_body, headers, created_at
                from email_outbox where delivered_via = 'dev-mailbox'""";
        var query = to == null
                ? jdbc.sql(sql + " order by id desc limit ?").param(limit)
                : jdbc.sql(sql + " and recipient_key = ? order by id desc limit ?").params(recipientKey(to), limit);
        return query.query((rs, row) -> new MailboxMessage(rs.getLong("id"), rs.getString("message_id"),
                rs.getString("recipient"), rs.getString("template"), rs.getString("subject"),
                rs.getString("text_body"), rs.getString("html_body"), EmailHeaders.parse(rs.getString("headers")),
                Timestamps.format(Sql.instant(rs, "created_at")))).list();
    }

    void deleteAllOf(long userId) {
        jdbc.sql("delete from email_outbox where user_id = ?").param(userId).update();
    }

    int deleteFinishedBefore(Instant cutoff) {
        return jdbc.sql("delete from email_outbox where finished_at < ?").param(Sql.timestamp(cutoff)).update();
    }

    private static String recipientKey(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    private static OutgoingEmail map(ResultSet rs, int row) throws SQLException {
        var userId = rs.getLong("user_id");
        return new OutgoingEmail(rs.getLong("id"), rs.getString("message_id"), rs.wasNull() ? null : userId,
                rs.getString("recipient"), rs.getString("template"), rs.getString("subject"),
                rs.getString("text_body"), rs.getString("html_body"), EmailHeaders.parse(rs.getString("headers")),
                Sql.instant(rs, "created_at"), rs.getInt("attempts"));
    }
}
