package org.commissioning.platform.deadletter;

import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code deadLetters} health component: UP while no processing group holds dead letters, DEGRADED (HTTP 200,
 * ranked in {@code platform-defaults.yml}) while any does, with the count per group. The service still serves and
 * projects every other aggregate, so it must not be restarted for it.
 */
public class DeadLettersHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED",
            "Events are dead-lettered; their sequences wait until an operator retries or discards them "
                    + "(/actuator/deadletters)");

    private final DeadLetters deadLetters;

    public DeadLettersHealthIndicator(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Map<String, Long> counts = deadLetters.counts();
        long parked = counts.values().stream().mapToLong(Long::longValue).sum();
        Health.Builder health = parked == 0 ? Health.up() : Health.status(DEGRADED);
        return health.withDetail("parked", parked).withDetail("groups", counts).build();
    }
}
