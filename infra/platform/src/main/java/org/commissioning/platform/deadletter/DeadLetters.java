package org.commissioning.platform.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.bson.Document;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What an operator does with the dead letters of the processing groups: list them, retry a group or one sequence
 * once the cause is fixed, or discard a sequence (or one letter of it) for a stated reason, recorded in
 * {@value #AUDIT_COLLECTION}.
 */
public class DeadLetters {

    public static final String AUDIT_COLLECTION = "deadletter_audit";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterQueues queues;
    private final Function<String, Optional<SequencedDeadLetterProcessor<EventMessage<?>>>> processors;
    private final MongoTemplate mongo;
    private final Supplier<EventBus> eventBus;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public DeadLetters(DeadLetterQueues queues,
                       Function<String, Optional<SequencedDeadLetterProcessor<EventMessage<?>>>> processors,
                       MongoTemplate mongo, Supplier<EventBus> eventBus, PlatformMetrics metrics, Clock clock) {
        this.queues = queues;
        this.processors = processors;
        this.mongo = mongo;
        this.eventBus = eventBus;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One parked event: {@code index} orders the letters of a sequence, the first is the one that failed. */
    public record Letter(String sequence, long index, String eventId, String eventType, String aggregateId,
                         Long aggregateSequence, String causeType, String causeMessage, Instant enqueuedAt,
                         Instant lastTouched, int retries) {
    }

    public record GroupLetters(String group, long parked, List<Letter> letters) {
    }

    public record Parked(long parked, List<GroupLetters> groups) {
    }

    public record Retried(String group, String sequence, long processed, long stillParked) {
    }

    public record Discarded(String group, String sequence, String reason, String actor, Instant at,
                            List<Letter> letters) {
    }

    /** The letters parked now in every dead-lettering group. */
    public Parked parked() {
        List<GroupLetters> groups = queues.all().keySet().stream().map(this::parked).toList();
        return new Parked(groups.stream().mapToLong(GroupLetters::parked).sum(), groups);
    }

    /** The letters parked now in {@code group}, oldest sequence first; none for a group that has no queue. */
    public GroupLetters parked(String group) {
        List<Letter> letters = new ArrayList<>();
        queues.of(group).ifPresent(queue -> queue.deadLetters()
                .forEach(sequence -> sequence.forEach(letter -> letters.add(letter(letter)))));
        return new GroupLetters(group, letters.size(), letters);
    }

    /** The number of letters parked now, by group. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        queues.all().forEach((group, queue) -> counts.put(group, queue.size()));
        return counts;
    }

    /**
     * Hands the letters of every group ({@code group} null), of one group, or of one of its sequences to their
     * handlers again, each sequence in order; a sequence stops at its first letter that fails again.
     */
    public List<Retried> retry(String group, String sequence) {
        List<String> groups = group == null ? List.copyOf(queues.all().keySet()) : List.of(group);
        return groups.stream().map(g -> retryGroup(g, sequence)).toList();
    }

    private Retried retryGroup(String group, String sequence) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queues.of(group);
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor = processors.apply(group);
        if (queue.isEmpty() || processor.isEmpty()) {
            return new Retried(group, sequence, 0, 0);
        }
        long before = queue.get().size();
        List<String> sequences = sequence == null ? sequences(queue.get()) : List.of(sequence);
        TransientFailures.retrying(() -> {
            sequences.forEach(s -> processor.get().process(letter -> s.equals(sequenceOf(letter))));
            return null;
        });
        long after = queue.get().size();
        long processed = Math.max(0, before - after);
        metrics.deadLetters(group, "retried", processed);
        log.info("Retried the dead letters of processing group {}{}: {} processed, {} still parked", group,
                sequence == null ? "" : " sequence " + sequence, processed, after);
        return new Retried(group, sequence, processed, after);
    }

    /**
     * Removes the letters of a sequence (or only its letter {@code index}) unhandled, after recording who did it,
     * when and why in {@value #AUDIT_COLLECTION} and, after it, as a {@link DeadLettersDiscardedEvent} in the event
     * store. Empty when there is no such letter.
     */
    public Optional<Discarded> discard(String group, String sequence, Long index, String reason,
                                       Operator operator) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queues.of(group);
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.get().deadLetterSequence(sequence).forEach(letter -> {
            if (index == null || letter instanceof MongoDeadLetter<?> m && m.index() == index) {
                letters.add(letter);
            }
        });
        if (letters.isEmpty()) {
            return Optional.empty();
        }
        Instant at = clock.instant();
        List<Letter> described = letters.stream().map(DeadLetters::letter).toList();
        Discarded discarded = new Discarded(group, sequence, reason, operator.actor(), at, described);
        mongo.insert(audit(discarded, operator), AUDIT_COLLECTION);
        letters.forEach(queue.get()::evict);
        metrics.deadLetters(group, "discarded", letters.size());
        publish(discarded);
        log.warn("Dead letters discarded by {}{} from processing group {} sequence {}: events {}; reason: {}",
                operator.actor(), operator.claimed().map(c -> " (X-Actor " + c + ")").orElse(""), group, sequence,
                described.stream().map(Letter::eventId).toList(), reason);
        return Optional.of(discarded);
    }

    private void publish(Discarded discarded) {
        try {
            publish(eventBus.get(), new DeadLettersDiscardedEvent(discarded.group(), discarded.sequence(),
                    discarded.letters().stream().map(Letter::eventId).toList(), discarded.reason(),
                    discarded.actor(), discarded.at()));
        } catch (RuntimeException e) {
            log.error("Discard of processing group {} sequence {} recorded in {} but not stored as an event: {}",
                    discarded.group(), discarded.sequence(), AUDIT_COLLECTION, e.toString());
        }
    }

    /** Stores a discard in the event store, caused by its operator. */
    static void publish(EventBus eventBus, DeadLettersDiscardedEvent discarded) {
        CausationContext causation = CausationContext.currentOrNew();
        eventBus.publish(GenericEventMessage.asEventMessage(discarded)
                .andMetaData(new CausationContext(discarded.actor(), discarded.actor(), causation.correlationId(),
                        null).metaData()));
    }

    private static Document audit(Discarded discarded, Operator operator) {
        Document audit = new Document("_id", UUID.randomUUID().toString())
                .append("at", java.util.Date.from(discarded.at()))
                .append("actor", discarded.actor());
        operator.claimed().ifPresent(claimed -> audit.append("claimedActor", claimed));
        return audit.append("group", discarded.group())
                .append("sequence", discarded.sequence())
                .append("reason", discarded.reason())
                .append("letters", discarded.letters().stream().map(l -> new Document("index", l.index())
                        .append("eventId", l.eventId())
                        .append("eventType", l.eventType())
                        .append("aggregateId", l.aggregateId())
                        .append("aggregateSequence", l.aggregateSequence())
                        .append("causeType", l.causeType())
                        .append("causeMessage", l.causeMessage())
                        .append("enqueuedAt", java.util.Date.from(l.enqueuedAt()))
                        .append("retries", l.retries())).toList());
    }

    private static List<String> sequences(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<String> sequences = new ArrayList<>();
        queue.deadLetters().forEach(sequence -> {
            var letters = sequence.iterator();
            if (letters.hasNext()) {
                sequences.add(sequenceOf(letters.next()));
            }
        });
        return sequences;
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof MongoDeadLetter<?> m ? m.sequenceIdentifier() : null;
    }

    static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String aggregateId = null;
        Long aggregateSequence = null;
        if (message instanceof DomainEventMessage<?> event) {
            aggregateId = event.getAggregateIdentifier();
            aggregateSequence = event.getSequenceNumber();
        }
        long index = letter instanceof MongoDeadLetter<?> m ? m.index() : 0;
        return new Letter(sequenceOf(letter), index, message.getIdentifier(), message.getPayloadType().getName(),
                aggregateId, aggregateSequence, letter.cause().map(c -> c.type()).orElse(null),
                letter.cause().map(c -> c.message()).orElse(null), letter.enqueuedAt(), letter.lastTouched(),
                TransientFailures.retries(letter));
    }

    /**
     * Who discards: the authenticated caller's subject, or {@code system} when security is off (then
     * {@code claimed} keeps what {@code X-Actor} said, if anything).
     */
    public record Operator(String actor, Optional<String> claimed) {
    }
}
