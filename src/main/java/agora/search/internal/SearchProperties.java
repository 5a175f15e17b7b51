package agora.search.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir the application's data directory; the index lives in {@code <data-dir>/search}
 * @param pollInterval how often a node reads the change log even if no node announced changes (announcements
 *        are best effort)
 * @param refreshInterval the least time between two passes over the change log: changes arriving closer together
 *        are applied and made visible as one batch, so a busy node writes a few small segments a second rather
 *        than one per change
 * @param commitInterval how often applied changes are made durable (an fsync); a crash loses nothing, the
 *        change log is replayed from the last commit
 * @param startupWait how long start-up (and so readiness) waits for the index to catch up; after that the
 *        node answers from the index it has while catching up continues
 * @param changeGapTimeout how long a missing change id is waited for before it is taken as rolled back
 * @param changeRetention how long change rows are kept; an index committed longer ago than this is rebuilt
 * @param rebuildBatchSize documents read from a module per page during a rebuild
 * @param indexThreads threads that analyze documents during a rebuild
 * @param reindexOnStart rebuild the whole index at start-up (answering from the old one meanwhile)
 * @param housekeepingInterval how often change rows older than the retention are deleted
 */
@ConfigurationProperties("agora.search")
public record SearchProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("250ms") Duration refreshInterval,
        @DefaultValue("5s") Duration commitInterval,
        @DefaultValue("5s") Duration startupWait,
        @DefaultValue("30s") Duration changeGapTimeout,
        @DefaultValue("7d") Duration changeRetention,
        @DefaultValue("500") int rebuildBatchSize,
        @DefaultValue("2") int indexThreads,
        @DefaultValue("false") boolean reindexOnStart,
        @DefaultValue("1m") Duration housekeepingInterval) {

    Path indexRoot() {
        return dataDir.resolve("search");
    }
}
