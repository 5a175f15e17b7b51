package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import agora.test.AgoraTest;

/**
 * On PostgreSQL every statement is planned for its parameters (no generic plans for skewed data), except in writing
 * transactions, whose statements find rows by key.
 */
@AgoraTest
class PostgresPlansTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void connectionsPlanEachExecutionForItsParameters() throws Exception {
        assumePostgres();
        assertThat(planCacheMode()).isEqualTo("force_custom_plan");
    }

    @Test
    void writingTransactionsReusePlansReadOnlyOnesDoNot() throws Exception {
        assumePostgres();
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        String writing = new TransactionTemplate(transactions).execute(tx -> planCacheMode());
        String reading = readOnly.execute(tx -> planCacheMode());

        assertThat(writing).isEqualTo("auto");
        assertThat(reading).isEqualTo("force_custom_plan");
        assertThat(planCacheMode()).as("after the writing transaction").isEqualTo("force_custom_plan");
    }

    private void assumePostgres() throws Exception {
        assumeTrue(dataSource.unwrap(HikariDataSource.class).getJdbcUrl().startsWith("jdbc:postgresql:"),
                "PostgreSQL only");
    }

    private String planCacheMode() {
        return jdbc.sql("show plan_cache_mode").query(String.class).single();
    }
}
