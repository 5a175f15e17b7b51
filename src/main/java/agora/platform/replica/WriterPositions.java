package agora.platform.replica;

import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Read-your-writes on every node: when a client's write transaction commits, the primary's WAL position is noted
 * in the primary's table {@code writer_positions} under the client's key ({@link RequestClient}), before the
 * response leaves; that client's reads go to the replica only once it has replayed past the position. A row
 * matters only until the replica has replayed it, which it has within max-lag or serves no reads: rows are
 * deleted a minute after that.
 *
 * <p>It talks to the primary's pool directly, never through the application's (transaction-bound) connections:
 * it runs right after a commit, while the committed transaction's connection is still bound to the thread.
 */
final class WriterPositions implements TransactionExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(WriterPositions.class);
    private static final String NOTE = """
            insert into writer_positions (writer, wal_position, written_at)
            values (?, pg_current_wal_lsn() - '0/0'::pg_lsn, current_timestamp)
            on conflict (writer) do update
            set wal_position = excluded.wal_position, written_at = excluded.written_at""";

    private final DataSource primary;
    private final ReplicaSettings settings;

    WriterPositions(DataSource primary, ReplicaSettings settings) {
        this.primary = primary;
        this.settings = settings;
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        if (commitFailure == null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
            RequestClient.writer().ifPresent(this::note);
        }
    }

    void note(String writer) {
        try (var connection = primary.getConnection(); var statement = connection.prepareStatement(NOTE)) {
            statement.setString(1, writer);
            statement.executeUpdate();
        } catch (SQLException e) {
            // The write itself has committed: answering it with an error would be worse than a read that misses it.
            log.warn("Could not note a client's write for read-your-writes: {}",
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        }
    }

    /** The latest position noted for any of these keys; 0 for none. */
    long latest(List<String> writers) throws SQLException {
        var sql = "select coalesce(max(wal_position), 0) from writer_positions where writer in ("
                + String.join(", ", Collections.nCopies(writers.size(), "?")) + ")";
        try (var connection = primary.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (var i = 0; i < writers.size(); i++) {
                statement.setString(i + 1, writers.get(i));
            }
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void forgetReplayed() throws SQLException {
        try (var connection = primary.getConnection(); var statement = connection.prepareStatement(
                "delete from writer_positions where written_at < current_timestamp - make_interval(secs => ?)")) {
            statement.setDouble(1, settings.maxLag().plusMinutes(1).toMillis() / 1000.0);
            statement.executeUpdate();
        }
    }
}
