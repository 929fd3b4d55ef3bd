package org.commissioning.platform.relay;

import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code relay} health component: UP while nothing is parked, {@value #DEGRADED_CODE} while events wait in
 * {@code outbox_parked}. DEGRADED ranks between DOWN and UP ({@code platform-defaults.yml}) and answers 200: the
 * service still serves and relays every other contract, so it must not be restarted for it; readiness and
 * liveness do not include this component.
 */
@RequiredArgsConstructor
public class RelayHealthIndicator implements HealthIndicator {

    public static final String DEGRADED_CODE = "DEGRADED";
    public static final Status DEGRADED = new Status(DEGRADED_CODE,
            "Events are parked; their streams are held until an operator retries them (POST /actuator/relay)");

    private final OutboxRelay relay;

    @Override
    public Health health() {
        RelayStatus status = relay.status();
        if (status.parked() == 0) {
            return Health.up().withDetail("parked", 0L).build();
        }
        ParkedEvents.Entry oldest = status.oldest();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parked", status.parked());
        details.put("streamsHeld", (long) status.streams().size());
        details.put("oldestParkedAt", oldest.parkedAt());
        details.put("oldestStream", oldest.stream());
        details.put("oldestReason", oldest.reason());
        return Health.status(DEGRADED).withDetails(details).build();
    }
}
