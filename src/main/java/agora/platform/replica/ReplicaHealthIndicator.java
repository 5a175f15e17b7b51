package agora.platform.replica;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health component {@code replica}: DEGRADED while the replica serves no reads (down, lagging, not a standby).
 * Not part of readiness: without the replica a node still serves every request, from the primary.
 */
final class ReplicaHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "reads go to the primary until the replica serves again");

    private final Replica replica;

    ReplicaHealthIndicator(Replica replica) {
        this.replica = replica;
    }

    @Override
    public Health health() {
        var state = replica.state();
        var health = state.serves()
                ? Health.up().withDetail("reads", "replica").withDetail("lagMillis", state.lag().toMillis())
                : Health.status(DEGRADED).withDetail("reads", "primary").withDetail("problem", state.problem());
        return health.withDetail("address", replica.address()).build();
    }
}
