package agora.moderation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.accounts.UserDeleted;

/**
 * A deleted account's report texts are its words, so they go; the reports stay (without text), so the queue's
 * counts and the moderators' history do not change.
 */
@Component
class ReporterErasure {

    private final JdbcClient jdbc;

    ReporterErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(UserDeleted event) {
        jdbc.sql("update reports set text = null where reporter_id = ? and text is not null").param(event.userId())
                .update();
    }
}
