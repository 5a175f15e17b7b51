package agora.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

    @Test
    void aConnectionThatCannotBeHadOrKeptMeansUnavailable() {
        var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        assertThat(DatabaseUnavailable.causes(new CannotGetJdbcConnectionException("no connection", poolTimeout))).isTrue();
        assertThat(DatabaseUnavailable.causes(new CannotCreateTransactionException("no connection", poolTimeout))).isTrue();
        assertThat(DatabaseUnavailable.causes(new DataAccessResourceFailureException("connection reset"))).isTrue();
        assertThat(DatabaseUnavailable.causes(new TransientDataAccessResourceException("gone for now"))).isTrue();
        assertThat(DatabaseUnavailable.causes(new TransactionSystemException("JDBC commit failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.causes(new RuntimeException(new IllegalStateException(
                new CannotGetJdbcConnectionException("deep", poolTimeout))))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.causes(new DuplicateKeyException("taken"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new BadSqlGrammarException("select", "selct 1",
                new SQLException("syntax error", "42601")))).isFalse();
        assertThat(DatabaseUnavailable.causes(new NestedTransactionNotSupportedException("no savepoints"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void isAnsweredAs503WithRetryAfter() {
        var problem = DatabaseUnavailable.problem();
        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.kind()).isEqualTo("unavailable");
        assertThat(problem.retryAfter()).isPositive();
        assertThat(problem.getMessage()).doesNotContain("Exception").doesNotContain("SQL");
    }
}
