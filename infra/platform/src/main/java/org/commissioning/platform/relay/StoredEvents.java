package org.commissioning.platform.relay;

import java.util.Optional;
import java.util.function.Supplier;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Re-reads a stored event from the Axon event store (upcast as on any read), so a parked event is re-translated. */
public class StoredEvents {

    private final Supplier<EventStore> eventStore;

    /** @param eventStore looked up when first needed: the relay is created before Axon's configuration is */
    public StoredEvents(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
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
