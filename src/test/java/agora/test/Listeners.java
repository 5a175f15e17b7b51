package agora.test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until some modules' event listeners have handled what a test handed them. Publications left unfinished
 * before the test began do not count: the test contexts share one schema, and another test class may have stopped a
 * node mid-delivery on purpose (they stay unfinished until a node resubmits them).
 */
public final class Listeners {

    private final JdbcClient jdbc;
    private final List<String> listenerPrefixes;
    private final Set<String> unfinishedBefore;

    private Listeners(JdbcClient jdbc, List<String> listenerPrefixes) {
        this.jdbc = jdbc;
        this.listenerPrefixes = listenerPrefixes;
        this.unfinishedBefore = unfinished();
    }

    /** Notes what is unfinished now; call it before the test's work. */
    public static Listeners whoseIdsStartWith(JdbcClient jdbc, String... listenerPrefixes) {
        return new Listeners(jdbc, List.of(listenerPrefixes));
    }

    /** Waits until every publication to these listeners made since {@link #whoseIdsStartWith} is handled. */
    public void awaitIdle(Duration patience) {
        try {
            Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(50))
                    .until(() -> unfinishedBefore.containsAll(unfinished()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("still unfinished after " + patience + ": " + jdbc.sql("""
                    select listener_id, event_type, publication_date, status from event_publication
                    where completion_date is null""").query().listOfRows(), e);
        }
    }

    private Set<String> unfinished() {
        return listenerPrefixes.stream().flatMap(prefix -> jdbc.sql("""
                select cast(id as varchar(36)) from event_publication
                where completion_date is null and listener_id like ?""").param(prefix + "%")
                .query(String.class).list().stream()).collect(Collectors.toSet());
    }
}
