package org.commissioning.platform.consumer;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.platform.consumer.ConsumedEventStore.Held;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Consumes integration events at most once per event id, and each contract's stream (consumer + source + subject)
 * strictly in the order of its {@code sequence}, whatever order the records arrive in:
 * <ul>
 *   <li>a record whose {@code source} is not the service that owns the topic it came on is refused
 *       ({@code platform_events_refused_total}, warning);</li>
 *   <li>an event id already handled, or already held, is dropped ({@code platform_events_duplicates_total});</li>
 *   <li>the next number of its stream ({@code last + 1}) is handled, then every held successor in turn;</li>
 *   <li>a number further ahead is held in {@code held_events} until the missing ones arrive (they survive a
 *       restart); the first record a stream holds opens a gap, counted once however many numbers are missing
 *       ({@code platform_events_gaps_total}, warning naming consumer, contract, expected and received);
 *       {@code platform_events_held} is how many records are held now;</li>
 *   <li>a number the stream has already applied, under an event id it has not seen, conflicts with the event
 *       applied under that number (forged, or renumbered by its producer): it is not handled
 *       ({@code platform_events_conflicts_total}, warning). So is a second record held for the same number.</li>
 * </ul>
 * A record of a stream that holds nothing costs three reads and two writes besides its handler (issue 16: the
 * held records are looked at only when the stream has some).
 * Events of types this consumer has no handler for still take their turn. An exception from the handler of the
 * record being delivered propagates, so the binder retries it and then dead-letters it; its successors are then
 * held until it is applied. A held record whose handler fails stays held, is logged, and is tried again when the
 * next record of its stream arrives. A stream held longer than {@code platform.consumer.gap-timeout} asks its owner
 * for the missing events ({@link GapRecovery}).
 */
public class IdempotentConsumer {

    public enum Outcome { HANDLED, IGNORED, DUPLICATE, HELD, CONFLICT, REFUSED }

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final String name;
    private final ConsumedEventStore store;
    private final IntegrationEventCodec codec;
    private final PlatformMetrics metrics;
    private final IntegrationEventHandlers handlers;

    public IdempotentConsumer(String name, ConsumedEventStore store, IntegrationEventCodec codec,
                              PlatformMetrics metrics, IntegrationEventHandlers handlers) {
        this.name = name;
        this.store = store;
        this.codec = codec;
        this.metrics = metrics;
        this.handlers = handlers;
        metrics.held(name, () -> store.heldCount(name));
    }

    /** {@code <application>.<name>}: what its record of handled events is kept under. */
    public String name() {
        return name;
    }

    /** The function to bind to a topic with Spring Cloud Stream. */
    public Consumer<Message<byte[]>> asMessageConsumer() {
        return message -> accept(codec.decode(message.getPayload()),
                message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class));
    }

    /** An event whose topic is not known (no check of its source). */
    public Outcome accept(IntegrationEvent<?> event) {
        return accept(event, null);
    }

    /** An event as it came on {@code topic} ({@code null} when not known). */
    public synchronized Outcome accept(IntegrationEvent<?> event, String topic) {
        Optional<Context> owner = owner(topic);
        if (owner.isPresent() && !owner.get().source().equals(event.source())) {
            metrics.refused(name, event.source(), topic);
            log.warn("{} refused {} {} of contract {}: source {} does not own {} (its owner is {})", name,
                    event.type(), event.id(), event.subject(), event.source(), topic, owner.get().source());
            return Outcome.REFUSED;
        }
        long last = store.lastSequence(name, event.source(), event.subject());
        boolean seen = store.seen(name, event.id());
        if (seen && event.sequence() == last + 1) {
            return completeRecord(event);
        }
        boolean holds = store.heldCount(name, event.source(), event.subject()) > 0;
        if (seen || holds && store.isHeld(name, event.id())) {
            metrics.duplicate(name, event.source());
            log.debug("{} dropped redelivered {} {}", name, event.type(), event.id());
            return Outcome.DUPLICATE;
        }
        if (event.sequence() <= last) {
            return conflict(event, "sequence " + event.sequence() + " was already applied (last " + last + ")");
        }
        if (event.sequence() > last + 1) {
            Outcome outcome = hold(event, last, holds);
            drain(event.source(), event.subject(), last);
            return outcome;
        }
        Outcome outcome = apply(event);
        if (holds) {
            drain(event.source(), event.subject(), event.sequence());
        }
        return outcome;
    }

    /**
     * An event recorded as handled whose stream was not moved past it: the service or the database stopped between
     * the two writes of {@link ConsumedEventStore#record} (no transaction spans them on the embedded store), and
     * without this every delivery of it would be dropped as a duplicate and its stream held for good. Its handler ran
     * (it is recorded only after), so the record is completed, not the handler run again.
     */
    private Outcome completeRecord(IntegrationEvent<?> event) {
        store.record(name, event.id(), event.type(), event.source(), event.subject(), event.sequence());
        metrics.duplicate(name, event.source());
        log.warn("{} had handled {} {} (sequence {} of contract {} from {}) without recording its stream past it; "
                + "recorded it now", name, event.type(), event.id(), event.sequence(), event.subject(), event.source());
        drain(event.source(), event.subject(), event.sequence());
        return Outcome.DUPLICATE;
    }

    private Outcome hold(IntegrationEvent<?> event, long last, boolean holds) {
        Optional<Held> rival = holds ? store.heldAt(name, event.source(), event.subject(), event.sequence())
                : Optional.empty();
        if (rival.isPresent()) {
            return conflict(event, "event " + rival.get().eventId() + " is already held under sequence " + event.sequence());
        }
        boolean opensGap = !holds;
        store.hold(name, event.id(), event.type(), event.source(), event.subject(), event.sequence(), last + 1,
                codec.encode(event));
        if (opensGap) {
            metrics.gap(name, event.source());
            log.warn("Gap in the events of contract {} from {}: {} expected sequence {} but received {}; "
                            + "holding {} {} until the missing ones arrive",
                    event.subject(), event.source(), name, last + 1, event.sequence(), event.type(), event.id());
        } else {
            log.warn("{} holds sequence {} of contract {} from {} ({} {}): still waiting for sequence {}",
                    name, event.sequence(), event.subject(), event.source(), event.type(), event.id(), last + 1);
        }
        return Outcome.HELD;
    }

    private Outcome conflict(IntegrationEvent<?> event, String why) {
        metrics.conflict(name, event.source());
        log.warn("{} did not apply {} {} of contract {} from {}: {}", name, event.type(), event.id(),
                event.subject(), event.source(), why);
        return Outcome.CONFLICT;
    }

    /** Applies the held successors of {@code applied}, in order, as far as they go without a gap. */
    private void drain(String source, String subject, long applied) {
        store.releaseUpTo(name, source, subject, applied);
        long next = applied + 1;
        for (Optional<Held> held = store.heldAt(name, source, subject, next); held.isPresent();
             held = store.heldAt(name, source, subject, ++next)) {
            IntegrationEvent<?> event = codec.decode(held.get().bytes());
            try {
                apply(event);
            } catch (RuntimeException e) {
                log.error("{} could not apply held sequence {} of contract {} from {} ({} {}); it stays held and is "
                        + "tried again with the next record of the contract", name, next, subject, source,
                        event.type(), event.id(), e);
                return;
            }
            store.release(held.get());
            log.info("{} applied held sequence {} of contract {} from {}", name, next, subject, source);
        }
        long stillHeld = store.heldCount(name, source, subject);
        if (stillHeld > 0 && next > applied + 1) {
            log.warn("{} still holds {} records of contract {} from {}, waiting for sequence {}",
                    name, stillHeld, subject, source, next);
        }
    }

    private Outcome apply(IntegrationEvent<?> event) {
        boolean handled = IntegrationEventCodec.isKnown(event) && dispatch(event);
        store.record(name, event.id(), event.type(), event.source(), event.subject(), event.sequence());
        if (handled) {
            metrics.consumed(name, event.source(), event.type());
        }
        return handled ? Outcome.HANDLED : Outcome.IGNORED;
    }

    private boolean dispatch(IntegrationEvent<?> event) {
        boolean[] handled = new boolean[1];
        causation(event).run(() -> handled[0] = handlers.dispatch(event));
        return handled[0];
    }

    /**
     * Work caused by an event is the system's, in the event's chain (its correlation id, else its id), caused by
     * whoever started that chain: the event's own {@code causedby} when it was itself caused by an event, else its
     * actor.
     */
    static CausationContext causation(IntegrationEvent<?> event) {
        String correlation = event.correlationid() == null ? event.id() : event.correlationid();
        String causedBy = event.causedby() != null ? event.causedby() : event.actor();
        return CausationContext.causedByEvent(causedBy, correlation);
    }

    /** The context that owns a topic; none for a topic outside the published language or without one owner. */
    static Optional<Context> owner(String topic) {
        return topic == null ? Optional.empty()
                : Arrays.stream(Context.values()).filter(c -> c.hasOwner() && c.topic().equals(topic)).findFirst();
    }
}
