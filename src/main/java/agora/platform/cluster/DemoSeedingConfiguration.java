package agora.platform.cluster;

import java.sql.DatabaseMetaData;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import agora.platform.DemoSeeding;

/** Demo seeding one node at a time on PostgreSQL; on the embedded (one-node) database, nothing to coordinate. */
@Configuration(proxyBeanMethods = false)
class DemoSeedingConfiguration {

    @Bean
    DemoSeeding demoSeeding(DataSource dataSource, @Value("${agora.demo-data.wait}") Duration wait)
            throws MetaDataAccessException {
        var product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(product) ? new PostgresDemoSeeding(dataSource, wait) : new SingleNodeDemoSeeding();
    }
}
