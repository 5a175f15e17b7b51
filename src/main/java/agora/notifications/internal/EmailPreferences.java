package agora.notifications.internal;

import java.util.EnumMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.notifications.internal.NotificationType.EmailChoice;

/**
 * Users' email choices for notifications (table {@code notification_settings}): only the choices that differ from
 * a type's default are stored, so choosing the default again removes the row.
 */
@Repository
class EmailPreferences {

    private final JdbcClient jdbc;

    EmailPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    EmailSettings of(long userId) {
        var overrides = new EnumMap<NotificationType, EmailChoice>(NotificationType.class);
        jdbc.sql("select type, email from notification_settings where user_id = ?").param(userId)
                .query((rs, row) -> overrides.put(NotificationType.valueOf(rs.getString("type")),
                        EmailChoice.valueOf(rs.getString("email"))))
                .list();
        return new EmailSettings(overrides);
    }

    void choose(long userId, NotificationType type, EmailChoice choice) {
        if (choice == type.defaultEmail()) {
            jdbc.sql("delete from notification_settings where user_id = ? and type = ?")
                    .params(userId, type.name()).update();
            return;
        }
        var updated = jdbc.sql("update notification_settings set email = ? where user_id = ? and type = ?")
                .params(choice.name(), userId, type.name()).update();
        if (updated == 0) {
            // A concurrent first choice may win the insert: then that one stands, as if it came last.
            jdbc.sql("insert into notification_settings (user_id, type, email) values (?, ?, ?) on conflict do nothing")
                    .params(userId, type.name(), choice.name()).update();
        }
    }

    void deleteAllOf(long userId) {
        jdbc.sql("delete from notification_settings where user_id = ?").param(userId).update();
    }
}
