package org.commissioning.rag.command;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FrameworkVersion;

/** The KPI framework versions a {@link ContractRating} rates against, and which of them is in force for a period. */
class Frameworks {

    private final TreeMap<Integer, FrameworkVersion> versions = new TreeMap<>();

    boolean recorded(int version) {
        return versions.containsKey(version);
    }

    Optional<FrameworkVersion> inForce(YearMonth period) {
        return inForce(period, versions.values());
    }

    /**
     * The framework version in force for a period: the latest effectiveFrom not after it; of two versions effective
     * from the same month, the higher (a revision supersedes the version it revises).
     */
    static Optional<FrameworkVersion> inForce(YearMonth period, Collection<FrameworkVersion> versions) {
        return versions.stream()
                .filter(f -> !f.effectiveFrom().isAfter(period))
                .max(Comparator.comparing(FrameworkVersion::effectiveFrom)
                        .thenComparingInt(FrameworkVersion::version));
    }

    @EventSourcingHandler
    void on(FrameworkRecordedEvent event) {
        versions.put(event.framework().version(), event.framework());
    }
}
