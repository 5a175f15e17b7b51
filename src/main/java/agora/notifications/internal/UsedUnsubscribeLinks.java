package agora.notifications.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** The one-click unsubscribe links that were used (table {@code notification_unsubscribes}). */
@Repository
class UsedUnsubscribeLinks {

    private final JdbcClient jdbc;

    UsedUnsubscribeLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the link used; false when it was already (two clicks at once: the second waits and gets false). */
    boolean use(UnsubscribeLink link, Instant now) {
        return jdbc.sql("""
                insert into notification_unsubscribes (link_id, user_id, used_at) values (?, ?, ?)
                on conflict do nothing""")
                .params(link.linkId(), link.userId(), Sql.timestamp(now)).update() == 1;
    }

    void deleteAllOf(long userId) {
        jdbc.sql("delete from notification_unsubscribes where user_id = ?").param(userId).update();
    }
}
