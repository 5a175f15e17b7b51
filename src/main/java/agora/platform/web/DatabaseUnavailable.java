package agora.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;

import agora.platform.ApiException;

/**
 * Failures that mean no database connection could be had or kept: the pool's wait ran out (it is exhausted, or
 * the server cannot be reached) or the connection broke. They are answered as load shedding, 503 with
 * Retry-After, not as a 500: the request was fine and may well succeed a moment later.
 */
final class DatabaseUnavailable {

    /** Long enough for a burst to drain or a database to come back; readiness takes a cut-off node out meanwhile. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseUnavailable() {
    }

    /**
     * Whether the failure, or one of its causes, is of that kind. Spring translates most of them; a transaction
     * that could not begin carries the pool's own SQLException, a connection failure's SQLSTATE class is 08.
     */
    static boolean causes(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof RecoverableDataAccessException || connectionLost(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The failure and what it came from, for the log: a wrapper's message alone may not say what the driver hit. */
    static String describe(Throwable failure) {
        return failure + " (root cause: " + NestedExceptionUtils.getMostSpecificCause(failure) + ")";
    }

    static ApiException problem() {
        return ApiException.unavailable("the database is busy or cannot be reached; try again shortly", RETRY_AFTER);
    }

    private static boolean connectionLost(Throwable cause) {
        return cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }
}
