package agora.search.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Holds back readiness until the index is up to date, for at most {@code agora.search.startup-wait}: the
 * catch-up from the change log, and the rebuild {@link Rebuild} started if the index was missing, unreadable,
 * outdated or asked for ({@code --agora.search.reindex-on-start=true}). Whatever is not done by then goes on in
 * the background while the node answers from the index it has.
 */
@Component
class SearchStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchStartup.class);

    private final SearchIndex index;
    private final Rebuild rebuild;
    private final SearchProperties properties;

    SearchStartup(SearchIndex index, Rebuild rebuild, SearchProperties properties) {
        this.index = index;
        this.rebuild = rebuild;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        var deadline = System.nanoTime() + properties.startupWait().toNanos();
        try {
            index.caughtUp().get(properties.startupWait().toMillis(), TimeUnit.MILLISECONDS);
            while (rebuild.isBusy() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (TimeoutException | ExecutionException e) {
            // answered below
        }
        if (!index.caughtUp().isDone() || rebuild.isBusy()) {
            log.info("Search index is still {} after {}; answering from the current index meanwhile",
                    rebuild.isBusy() ? "being rebuilt" : "catching up", properties.startupWait());
        }
    }
}
