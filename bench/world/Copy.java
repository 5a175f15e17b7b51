import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/** One table's COPY in text format, committed at close, with progress every 10%% (or every million rows). */
final class Copy implements AutoCloseable {
    final Log log;
    final Connection db;
    final CopyIn copy;
    final String table;
    final long expected;
    final StringBuilder buffer = new StringBuilder(1 << 20);
    long rows;
    long nextReport;

    Copy(Log log, Connection db, String target, String table, long expected) throws SQLException {
        this.log = log;
        this.db = db;
        this.copy = new CopyManager(db.unwrap(BaseConnection.class)).copyIn("copy " + target + " from stdin");
        this.table = table;
        this.expected = expected;
        this.nextReport = expected > 0 ? Math.max(1, expected / 10) : 1_000_000;
    }

    void row(Object... values) throws SQLException {
        for (var i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            buffer.append(values[i]);
        }
        buffer.append('\n');
        if (buffer.length() > (1 << 20)) {
            flush();
        }
        if (++rows == nextReport) {
            log.line("%s: %,d%s rows", table, rows, expected > 0 ? " / %,d".formatted(expected) : "");
            nextReport += expected > 0 ? Math.max(1, expected / 10) : 1_000_000;
        }
    }

    void flush() throws SQLException {
        var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException, IOException {
        flush();
        copy.endCopy();
        db.commit();
        log.line("%s: %,d rows loaded", table, rows);
    }
}
