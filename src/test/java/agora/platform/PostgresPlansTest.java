package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import agora.test.AgoraTest;

/** On PostgreSQL every statement is planned for its parameters (no generic plans for skewed data). */
@AgoraTest
class PostgresPlansTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void connectionsPlanEachExecutionForItsParameters() throws Exception {
        var url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only");
        assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    }
}
