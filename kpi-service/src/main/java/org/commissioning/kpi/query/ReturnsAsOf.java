package org.commissioning.kpi.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.platform.domain.AsOf;
import org.springframework.stereotype.Component;

/**
 * A return as it stood at an instant, rebuilt from the return's stored events rather than read from the projection:
 * the events stored by then ({@link AsOf#of}), folded by the projection's own rules ({@link ReturnChanges}). Before
 * a correction it shows the value first submitted; after it, the corrected one with the correction.
 */
@Component
@RequiredArgsConstructor
public class ReturnsAsOf {

    private final EventStore eventStore;

    /** Empty when the return (the provider's or the council's figures) had not been stored by {@code asOf}. */
    public Optional<MonthlyReturnView> find(String contractId, YearMonth period, Instant asOf) {
        MonthlyReturnView view = null;
        for (DomainEventMessage<?> event : AsOf.of(eventStore.readEvents(MonthlyReturnId.of(contractId, period), 0L),
                asOf)) {
            view = ReturnChanges.apply(view, event.getPayload(), event.getIdentifier(), event.getTimestamp());
        }
        return Optional.ofNullable(view);
    }
}
