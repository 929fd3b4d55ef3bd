package org.commissioning.kpi.query;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.platform.axon.StreamPrefix;
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

    /** How Axon names the return's aggregate type on each stored event ({@code command.MonthlyReturn}). */
    private static final String RETURN_TYPE = "MonthlyReturn";
    private static final String STREAM = "aggregateIdentifier";

    private final EventStore eventStore;
    private final MongoTemplate axonMongo;

    /**
     * A return's stream as the store held it at an instant: its view folded from those events (null while they hold
     * only a finding that it is overdue) and the events themselves, in sequence order.
     */
    public record Stored(YearMonth period, MonthlyReturnView view, List<StoredEvent> events) {
    }

    /** Empty when the return (the provider's or the council's figures) had not been stored by {@code asOf}. */
    public Optional<MonthlyReturnView> find(String contractId, YearMonth period, Instant asOf) {
        return Optional.ofNullable(stored(contractId, period, asOf).view());
    }

    /** The return's stream as of {@code asOf}; no events when nothing of it had been stored by then. */
    public Stored stored(String contractId, YearMonth period, Instant asOf) {
        MonthlyReturnView view = null;
        List<StoredEvent> events = new ArrayList<>();
        for (DomainEventMessage<?> event : AsOf.of(eventStore.readEvents(MonthlyReturnId.of(contractId, period), 0L),
                asOf)) {
            view = ReturnChanges.apply(view, event.getPayload(), event.getIdentifier(), event.getTimestamp());
            events.add(StoredEvent.of(event));
        }
        return new Stored(period, view, events);
    }

    /**
     * The months of every return of the contract the event store holds, whatever created it (the provider's return,
     * the council's figures, a finding that it is overdue), oldest first: read from the store itself, not from a
     * projection, so none is missing while a projection catches up.
     */
    public List<YearMonth> periods(String contractId) {
        String prefix = MonthlyReturnId.streamPrefix(contractId);
        List<YearMonth> periods = new ArrayList<>();
        for (String stream : axonMongo.eventCollection().distinct(STREAM,
                and(eq("type", RETURN_TYPE), StreamPrefix.startsWith(STREAM, prefix)), String.class)) {
            try {
                periods.add(YearMonth.parse(stream.substring(prefix.length())));
            } catch (DateTimeParseException e) {
                // another contract's return, whose id starts with this one's and a colon
            }
        }
        return periods.stream().distinct().sorted().toList();
    }
}
