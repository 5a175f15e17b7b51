package agora.platform.cluster;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import com.zaxxer.hikari.HikariDataSource;

import agora.platform.Broadcast;

/** The broadcast the database allows: {@code LISTEN/NOTIFY} on PostgreSQL, none on the embedded (one-node) database. */
@Configuration(proxyBeanMethods = false)
class BroadcastConfiguration {

    @Bean
    Broadcast broadcast(DataSource dataSource, JdbcClient jdbc,
            @Value("${spring.application.name:agora}") String applicationName)
            throws MetaDataAccessException, SQLException {
        var product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if (!"PostgreSQL".equals(product)) {
            return new SingleNodeBroadcast();
        }
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            throw new IllegalStateException("the cluster broadcast opens its connection like the Hikari pool does; "
                    + "the data source is not one");
        }
        return PostgresBroadcast.over(dataSource.unwrap(HikariDataSource.class), jdbc, applicationName + " broadcast");
    }
}
