package agora.platform.replica;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Puts the routing of read-only transactions in front of the primary's pool: the application's data source becomes
 * a {@link LazyConnectionDataSourceProxy}, which takes a connection only for a transaction's first statement, when
 * it knows whether the transaction is read-only; a read-only one gets its connection from {@link ReadRouting}, any
 * other from the primary. Boot's pool, its settings and metrics stay as they are.
 */
final class ReadOnlyRouting implements BeanPostProcessor {

    private final ObjectProvider<ReadRouting> routing;

    ReadOnlyRouting(ObjectProvider<ReadRouting> routing) {
        this.routing = routing;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof HikariDataSource primary) || !"dataSource".equals(name)) {
            return bean;
        }
        if (primary.getJdbcUrl() == null || !primary.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("agora.datasource.replica.url is set, but the primary database is not "
                    + "PostgreSQL: a read replica needs a PostgreSQL primary (spring.datasource.url)");
        }
        var proxy = new LazyConnectionDataSourceProxy(primary);
        // Known without asking the database, so that a proxy connection costs nothing until it is used.
        proxy.setDefaultAutoCommit(primary.isAutoCommit());
        proxy.setDefaultTransactionIsolationName(primary.getTransactionIsolation() != null
                ? primary.getTransactionIsolation() : "TRANSACTION_READ_COMMITTED");
        proxy.setReadOnlyDataSource(new ReadConnections(primary, routing));
        return proxy;
    }

    /** The connections of read-only transactions, from the replica or the primary as {@link ReadRouting} decides. */
    private static final class ReadConnections extends AbstractDataSource {

        private final DataSource primary;
        private final ObjectProvider<ReadRouting> routing;

        ReadConnections(DataSource primary, ObjectProvider<ReadRouting> routing) {
            this.primary = primary;
            this.routing = routing;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return routing.getObject().connection(primary);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLException("read-only transactions use the configured users of the primary and the replica");
        }
    }
}
