package org.commissioning.platform.deadletter;

import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code deadLetteredRecords} health component: UP while no Kafka consumer of the service has a dead-lettered
 * record outstanding, DEGRADED (HTTP 200) while one has, with the count per dead-letter topic, as last read (a
 * background reading every {@code platform.consumer.dead-letter-refresh}; the health call never waits for Kafka).
 */
public class DeadLetteredRecordsHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "A Kafka consumer dead-lettered records that are "
            + "neither applied nor discarded; an operator retries or discards them (/actuator/deadletteredrecords)");

    private final DeadLetteredRecords records;

    public DeadLetteredRecordsHealthIndicator(DeadLetteredRecords records) {
        this.records = records;
    }

    @Override
    public Health health() {
        Map<String, Long> counts = records.outstandingCounts();
        long outstanding = counts.values().stream().mapToLong(Long::longValue).sum();
        Health.Builder health = outstanding == 0 ? Health.up() : Health.status(DEGRADED);
        return health.withDetail("outstanding", outstanding).withDetail("topics", counts)
                .withDetail("readAt", records.countedAt().toString())
                .withDetail("operate", "/actuator/deadletteredrecords").build();
    }
}
