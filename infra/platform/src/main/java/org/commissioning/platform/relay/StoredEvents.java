package org.commissioning.platform.relay;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Re-reads a stored event from the Axon event store (upcast as on any read), so a parked event is re-translated and
 * an event asked for again (redelivery) is published as the store holds it.
 */
public class StoredEvents {

    /** Where an event lies in the store: its aggregate and its sequence number there. */
    public record Position(String aggregateId, long sequenceNumber) {
    }

    private final Supplier<EventStore> eventStore;
    private final Function<String, Optional<Position>> locator;

    /** @param eventStore looked up when first needed: the relay is created before Axon's configuration is */
    public StoredEvents(Supplier<EventStore> eventStore) {
        this(eventStore, eventId -> Optional.empty());
    }

    /** @param locator finds a stored event's position by its identifier */
    public StoredEvents(Supplier<EventStore> eventStore, Function<String, Optional<Position>> locator) {
        this.eventStore = eventStore;
        this.locator = locator;
    }

    /** The stored event of this identifier, wherever it lies; empty when the store has no such domain event. */
    public Optional<EventMessage<?>> find(String eventId) {
        return locator.apply(eventId).flatMap(p -> read(p.aggregateId(), p.sequenceNumber(), eventId));
    }

    public Optional<EventMessage<?>> read(String aggregateId, long sequenceNumber, String eventId) {
        DomainEventStream stream = eventStore.get().readEvents(aggregateId, sequenceNumber);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() == sequenceNumber && event.getIdentifier().equals(eventId)) {
                return Optional.of(event);
            }
            if (event.getSequenceNumber() > sequenceNumber) {
                break;
            }
        }
        return Optional.empty();
    }
}
