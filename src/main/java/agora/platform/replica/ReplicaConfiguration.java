package agora.platform.replica;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/** With {@code agora.datasource.replica.url}: the replica, the routing of read-only work to it, its health. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("agora.datasource.replica.url")
class ReplicaConfiguration {

    @Bean
    static ReadOnlyRouting readOnlyRouting(ObjectProvider<ReadRouting> routing) {
        return new ReadOnlyRouting(routing);
    }

    @Bean
    Replica replica(ReplicaSettings settings, DataSource dataSource) throws SQLException {
        return new Replica(settings, dataSource.unwrap(HikariDataSource.class));
    }

    @Bean
    WriterPositions writerPositions(DataSource dataSource, ReplicaSettings settings) throws SQLException {
        return new WriterPositions(dataSource.unwrap(HikariDataSource.class), settings);
    }

    @Bean
    ReplicaHealthIndicator replicaHealthIndicator(Replica replica) {
        return new ReplicaHealthIndicator(replica);
    }
}
