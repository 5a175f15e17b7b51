package agora.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The transaction manager: Boot's own ({@link JdbcTransactionManager}, with its customizers), except that where
 * {@link PostgresPlans} makes connections plan every execution for its parameters (on PostgreSQL, unless the
 * operator set {@code options}), a writing transaction starts with {@code set local plan_cache_mode = auto}, so the
 * server may reuse a prepared statement's generic plan until it commits. The reads of skewed data need custom plans;
 * a write finds its rows by key, where a generic plan is as good, and planning each of them every time was the
 * largest part of a checkout's PostgreSQL CPU (measured at a custom scale of the checkout bench: 13.4 ms per order
 * with every statement planned each time, 8.1 ms with none; bench/README.md, "Checkout").
 */
@Configuration(proxyBeanMethods = false)
class WritePlans {

    private static final String REUSE_PLANS = "set local plan_cache_mode = auto";

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource,
            ObjectProvider<TransactionManagerCustomizers> customizers) throws SQLException {
        var manager = PostgresPlans.appliedTo(dataSource) ? new ReusingTransactionManager(dataSource)
                : new JdbcTransactionManager(dataSource);
        customizers.ifAvailable(all -> all.customize(manager));
        return manager;
    }

    private static final class ReusingTransactionManager extends JdbcTransactionManager {

        ReusingTransactionManager(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
                throws SQLException {
            super.prepareTransactionalConnection(connection, definition);
            if (!definition.isReadOnly()) {
                try (var statement = connection.createStatement()) {
                    statement.execute(REUSE_PLANS);
                }
            }
        }
    }
}
