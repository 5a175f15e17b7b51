package agora.platform.replica;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL streaming replica that read-only work may go to (docs/read-replica.md).
 *
 * @param url e.g. {@code jdbc:postgresql://replica:5432/agora}, the same database and schema as the primary's;
 *        unset, everything goes to the primary
 * @param username unset: the primary's
 * @param password unset: the primary's
 * @param maxLag a replica further behind the primary than this serves no reads until it catches up
 * @param checkInterval how often its reachability and lag are checked, in the background
 * @param timeout the longest a check, or a read waiting for one of its connections, waits for the replica before
 *        it counts as down (and the read goes to the primary)
 */
@ConfigurationProperties("agora.datasource.replica")
record ReplicaSettings(String url, String username, String password, @DefaultValue("5s") Duration maxLag,
        @DefaultValue("1s") Duration checkInterval, @DefaultValue("1s") Duration timeout) {
}
