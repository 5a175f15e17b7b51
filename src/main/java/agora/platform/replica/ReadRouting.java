package agora.platform.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import agora.platform.ReplicaReads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where a read-only transaction reads: on the replica when it serves reads and has replayed everything the reader
 * must see, else on the primary. What a reader must see: inside {@link #after}, everything before that position;
 * on a request, the client's own latest write ({@link WriterPositions}); elsewhere, nothing in particular.
 * Without a replica every read is the primary's. The metric {@code agora.read.transactions} counts the read-only
 * transactions that took a connection, by the {@code database} that answered them ({@code replica} or {@code primary}).
 */
@Component
class ReadRouting implements ReplicaReads {

    private static final ThreadLocal<Position> AFTER = new ThreadLocal<>();

    private final Optional<Replica> replica;
    private final Optional<WriterPositions> writers;
    private final TransactionTemplate readOnly;
    private final Counter onReplica;
    private final Counter onPrimary;

    ReadRouting(Optional<Replica> replica, Optional<WriterPositions> writers, PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.replica = replica;
        this.writers = writers;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.onReplica = replica.isPresent() ? readTransactions(meters, "replica") : null;
        this.onPrimary = replica.isPresent() ? readTransactions(meters, "primary") : null;
    }

    private static Counter readTransactions(MeterRegistry meters, String database) {
        return Counter.builder("agora.read.transactions").tag("database", database)
                .description("Read-only transactions, by the database that answered them").register(meters);
    }

    @Override
    public Position position() {
        if (replica.isEmpty()) {
            return new Position(0);
        }
        try {
            return new Position(replica.get().primaryPosition());
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("the primary's WAL position is unknown", e);
        }
    }

    @Override
    public <T> T after(Position position, Supplier<T> work) {
        var outer = AFTER.get();
        AFTER.set(position);
        try {
            return readOnly.execute(transaction -> work.get());
        } finally {
            if (outer == null) {
                AFTER.remove();
            } else {
                AFTER.set(outer);
            }
        }
    }

    /** The connection for a read-only transaction, when its first statement needs one. */
    Connection connection(DataSource primary) throws SQLException {
        var target = replica.orElseThrow();
        var state = target.state();
        if (state.serves()) {
            var connection = replicaConnection(target, state, mustSee());
            if (connection != null) {
                onReplica.increment();
                return connection;
            }
        }
        var connection = primary.getConnection();
        onPrimary.increment();
        return connection;
    }

    /**
     * One to the replica if it has replayed up to the position: as the latest check saw, else as it says now (a
     * client that wrote a moment ago need not wait for the next check). Null if it has not, or fails.
     */
    private static Connection replicaConnection(Replica target, ReplicaState state, long position) {
        Connection connection = null;
        try {
            connection = target.connection();
            if (position <= state.replayed() || position <= target.replayed(connection)) {
                return connection;
            }
        } catch (SQLException down) {
            // Replica logged it and serves no reads until a check finds it back; the primary answers this one.
        }
        Replica.closeQuietly(connection);
        return null;
    }

    private long mustSee() throws SQLException {
        var position = AFTER.get();
        if (position != null) {
            return position.wal();
        }
        var keys = RequestClient.keys();
        return keys.isEmpty() ? 0 : writers.orElseThrow().latest(keys);
    }
}
