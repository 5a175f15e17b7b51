package agora.platform.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} check of readiness, in place of Boot's, which asks a borrowed connection {@code isValid(0)}: no
 * time limit, so a database that stops answering would hang the probe instead of taking the node out of
 * service. This one waits at most the pool's connection timeout for a connection and {@link #ANSWER_SECONDS} for
 * the database's answer.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private static final int ANSWER_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(ANSWER_SECONDS) ? Health.up().build() : Health.down().build();
        } catch (SQLException e) {
            return Health.down().build();
        }
    }
}
