package org.commissioning.platform.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.commissioning.events.Context;
import org.commissioning.events.EventType;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.platform.messaging.PublishFailedException;
import org.commissioning.platform.relay.PublishFailures.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.classify.BinaryExceptionClassifier;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

/**
 * Publishes a service's events from its event store: a tracking processor reads the store in order,
 * translates each event into the published language and publishes it synchronously.
 * <p>
 * A publish that fails because the broker is unavailable is retried here a few times (Spring Retry, exponential
 * backoff) and then thrown, which makes the tracking processor release its token and retry the same event later (the
 * processor's error handling is set to propagate). So such an event is never skipped; it may be published more than
 * once, with the same id and sequence, and consumers drop the repeats.
 * <p>
 * An event the broker can never accept as it is (too large, not serialisable, a translation that throws) is
 * <em>parked</em> in {@link ParkedEvents} instead, with the sequence the ledger gave it, and the relay goes on.
 * Later events of the same contract stream (topic and subject) are parked behind it unsent, so a contract's order
 * is kept while every other contract keeps flowing. {@link #retry(String)} publishes a stream's parked events again
 * in order once the cause is fixed. The relay and the retry share one lock, so neither can overtake the other.
 */
@ProcessingGroup(OutboxRelay.PROCESSING_GROUP)
public class OutboxRelay {

    public static final String PROCESSING_GROUP = "integration-relay";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_REASON = 1000;

    private final IntegrationEventTranslator translator;
    private final OutboxLedger ledger;
    private final IntegrationEventPublisher publisher;
    private final PlatformMetrics metrics;
    private final ParkedEvents parked;
    private final StoredEvents storedEvents;
    private final Clock clock;
    private final String source;
    private final int attempts;
    private final RetryTemplate publishRetry;
    private final ReentrantLock lock = new ReentrantLock();

    public OutboxRelay(IntegrationEventTranslator translator, OutboxLedger ledger, IntegrationEventPublisher publisher,
                       PlatformMetrics metrics, ParkedEvents parked, StoredEvents storedEvents, Clock clock,
                       String source, int attempts, Duration backoff) {
        this.translator = translator;
        this.ledger = ledger;
        this.publisher = publisher;
        this.metrics = metrics;
        this.parked = parked;
        this.storedEvents = storedEvents;
        this.clock = clock;
        this.source = source;
        this.attempts = Math.max(1, attempts);
        this.publishRetry = publishRetry(this.attempts, backoff);
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> stored) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            relay(stored);
        } finally {
            lock.unlock();
        }
    }

    private void relay(EventMessage<?> stored) throws InterruptedException {
        if (parked.find(stored.getIdentifier()).isPresent()) {
            return;
        }
        Optional<Target> translated;
        try {
            translated = target(stored);
        } catch (RuntimeException e) {
            String aggregate = aggregateId(stored) == null ? stored.getIdentifier() : aggregateId(stored);
            String stream = parked.holding(null, null, aggregate).orElse(ParkedEvents.aggregateStream(aggregate));
            park(stored, stream, null, null, null, payloadType(stored),
                    "translation failed: " + PublishFailures.rootCause(e), false);
            return;
        }
        if (translated.isEmpty()) {
            return;
        }
        Target target = translated.get();
        Optional<String> holding = parked.holding(target.topic(), target.subject(), aggregateId(stored));
        if (holding.isPresent()) {
            park(stored, holding.get(), target.topic(), target.subject(), null, target.type(),
                    "held behind an earlier parked event of " + holding.get(), true);
            return;
        }
        long sequence = ledger.sequenceFor(stored.getIdentifier(), target.topic(), target.subject());
        IntegrationEvent<?> event;
        try {
            event = event(stored, target, sequence);
        } catch (RuntimeException e) {
            park(stored, ParkedEvents.stream(target.topic(), target.subject()), target.topic(), target.subject(),
                    sequence, target.type(), "translation failed: " + PublishFailures.rootCause(e), false);
            return;
        }
        Optional<RuntimeException> unpublishable = publishWithRetry(event, target.topic());
        if (unpublishable.isPresent()) {
            park(stored, ParkedEvents.stream(target.topic(), target.subject()), target.topic(), target.subject(),
                    sequence, event.type(), "cannot be published: " + PublishFailures.rootCause(unpublishable.get()),
                    false);
            return;
        }
        ledger.markPublished(event.id());
        metrics.published(target.topic(), event.type(), Duration.between(stored.getTimestamp(), Instant.now()));
    }

    /**
     * Publishes an event that is not a stored event (a seal of the history chain) in its subject's stream, under
     * the relay's lock so that it takes the next sequence of that stream from the ledger, as a stored event would.
     *
     * @return false, publishing nothing, while an earlier event of the same stream is parked (it would overtake it)
     * @throws PublishFailedException when the broker did not accept it
     */
    public boolean publishOwn(String eventId, String subject, Instant time, CausationContext causation, Object payload)
            throws InterruptedException {
        lock.lockInterruptibly();
        try {
            EventType type = EventType.of(payload.getClass());
            if (parked.holding(type.topic(), subject, null).isPresent()) {
                return false;
            }
            long sequence = ledger.sequenceFor(eventId, type.topic(), subject);
            IntegrationEvent<?> event = IntegrationEvent.of(eventId, source, subject, time, sequence,
                    causation.actor(), causation.actorName(), causation.correlationId(), causation.causedBy(),
                    payload);
            Optional<RuntimeException> unpublishable = publishWithRetry(event, type.topic());
            if (unpublishable.isPresent()) {
                throw new PublishFailedException("The broker refused " + type.qualifiedName() + " " + eventId,
                        unpublishable.get());
            }
            ledger.markPublished(eventId);
            metrics.published(type.topic(), event.type(), Duration.between(time, Instant.now()));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether this service owns {@code topic}: the topic of the context that publishes under its source. */
    public boolean owns(String topic) {
        return Arrays.stream(Context.values()).anyMatch(c -> c.hasOwner() && c.source().equals(source)
                && c.topic().equals(topic));
    }

    /**
     * Publishes again the events of a stream numbered {@code from} to {@code to} ({@code null}: to its end), in
     * sequence order, each with its id and the sequence the ledger gave it, re-read from the event store and
     * translated as when it was first relayed. Events that are parked are left to the operator's retry; events the
     * relay has not yet published are left to the relay; events that are not in the event store (a seal of the
     * history chain) cannot be published again. Under the relay's lock, so the relay cannot interleave.
     *
     * @throws PublishFailedException when the broker stays unavailable (what was published before stays published)
     */
    public Redelivered redeliver(String topic, String subject, long from, Long to) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            int published = 0;
            List<Long> parkedSequences = new ArrayList<>();
            List<Long> unavailable = new ArrayList<>();
            for (OutboxLedger.Entry entry : ledger.inStream(topic, subject, from, to)) {
                if (parked.find(entry.id()).isPresent()) {
                    parkedSequences.add(entry.sequence());
                } else if (entry.publishedAt() != null) {
                    if (republish(entry)) {
                        published++;
                    } else {
                        unavailable.add(entry.sequence());
                    }
                }
            }
            Redelivered result = new Redelivered(topic, subject, from, to, published, parkedSequences, unavailable);
            if (unavailable.isEmpty()) {
                log.info("Published again {}", result);
            } else {
                log.warn("Published again {}; the sequences left unavailable cannot be re-read or re-translated from "
                        + "the event store", result);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private boolean republish(OutboxLedger.Entry entry) throws InterruptedException {
        Optional<EventMessage<?>> stored = storedEvents.find(entry.id());
        if (stored.isEmpty()) {
            return false;
        }
        IntegrationEvent<?> event;
        try {
            Optional<Target> target = target(stored.get());
            if (target.isEmpty() || !target.get().topic().equals(entry.topic())
                    || !target.get().subject().equals(entry.subject())) {
                return false;
            }
            event = event(stored.get(), target.get(), entry.sequence());
        } catch (RuntimeException e) {
            log.warn("Event {} of {}|{} cannot be translated again: {}", entry.id(), entry.topic(), entry.subject(),
                    PublishFailures.rootCause(e));
            return false;
        }
        Optional<RuntimeException> refused = publishWithRetry(event, entry.topic());
        if (refused.isPresent()) {
            log.warn("The broker refused {} {} again: {}", event.type(), event.id(),
                    PublishFailures.rootCause(refused.get()));
            return false;
        }
        metrics.redelivered(entry.topic());
        return true;
    }

    /** @return the failure when the broker can never accept the event; empty once it is acknowledged */
    private Optional<RuntimeException> publishWithRetry(IntegrationEvent<?> event, String topic)
            throws InterruptedException {
        try {
            publishRetry.execute(context -> {
                try {
                    publisher.publish(event);
                    return null;
                } catch (RuntimeException e) {
                    metrics.publishFailed(topic);
                    if (PublishFailures.classify(e) == Verdict.RETRY) {
                        log.info("Publishing {} {} failed (attempt {}): {}", event.type(), event.id(),
                                context.getRetryCount() + 1, PublishFailures.rootCause(e));
                    }
                    throw e;
                }
            });
            return Optional.empty();
        } catch (BackOffInterruptedException e) {
            throw new InterruptedException("Interrupted while waiting to publish " + event.id() + " again");
        } catch (RuntimeException e) {
            if (PublishFailures.classify(e) == Verdict.PARK) {
                return Optional.of(e);
            }
            log.warn("Publishing {} {} (contract {}, sequence {}) failed {} times; the relay will retry it",
                    event.type(), event.id(), event.subject(), event.sequence(), attempts);
            throw e;
        }
    }

    /**
     * Spring Retry: up to {@code attempts} publishes, waiting {@code backoff}, then twice as long each time, between
     * them, and only while {@link PublishFailures} says the failure may pass; one that parks is not retried.
     */
    private static RetryTemplate publishRetry(int attempts, Duration backoff) {
        ExponentialBackOffPolicy exponential = new ExponentialBackOffPolicy();
        exponential.setInitialInterval(backoff.toMillis());
        exponential.setMultiplier(2);
        exponential.setMaxInterval(Long.MAX_VALUE);
        RetryTemplate retry = new RetryTemplate();
        retry.setBackOffPolicy(exponential);
        retry.setRetryPolicy(new SimpleRetryPolicy(attempts, new BinaryExceptionClassifier(false) {
            @Override
            public Boolean classify(Throwable failure) {
                return PublishFailures.classify(failure) == Verdict.RETRY;
            }
        }));
        return retry;
    }

    /**
     * Publishes the parked events of one stream, or of every stream when {@code stream} is null, each stream in
     * the order its events were parked. Each event is re-read from the event store and translated again, so a fixed
     * translator or a raised broker limit applies; it keeps the id and the sequence the ledger gave it. The first
     * event that still fails stays parked with its new reason and holds the rest of its stream.
     */
    public List<StreamRetry> retry(String stream) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            List<StreamRetry> results = new ArrayList<>();
            try {
                for (String each : stream == null ? parked.streams() : List.of(stream)) {
                    results.add(retryStream(each));
                }
            } finally {
                refreshParked();
            }
            return results;
        } finally {
            lock.unlock();
        }
    }

    private StreamRetry retryStream(String stream) {
        int published = 0;
        int dropped = 0;
        List<ParkedEvents.Entry> entries = parked.inStream(stream);
        for (ParkedEvents.Entry entry : entries) {
            Attempt attempt = retryOne(entry);
            switch (attempt.outcome()) {
                case PUBLISHED -> published++;
                case NOT_PUBLISHED -> dropped++;
                case FAILED -> {
                    log.warn("Parked {} {} of {} still cannot be published: {}", entry.type(), entry.eventId(),
                            stream, attempt.reason());
                    return new StreamRetry(stream, published, dropped, entries.size() - published - dropped,
                            attempt.reason());
                }
            }
        }
        log.info("Parked stream {} published again: {} events sent, {} no longer published", stream, published,
                dropped);
        return new StreamRetry(stream, published, dropped, 0, null);
    }

    private Attempt retryOne(ParkedEvents.Entry entry) {
        Optional<EventMessage<?>> stored = entry.aggregateId() == null || entry.aggregateSequence() == null
                ? Optional.empty()
                : storedEvents.read(entry.aggregateId(), entry.aggregateSequence(), entry.eventId());
        if (stored.isEmpty()) {
            return failed(entry, "stored event " + entry.eventId() + " cannot be re-read from the event store");
        }
        Optional<Target> translated;
        IntegrationEvent<?> event;
        try {
            translated = target(stored.get());
            if (translated.isEmpty()) {
                parked.remove(entry.eventId());
                return new Attempt(Outcome.NOT_PUBLISHED, null);
            }
            long sequence = ledger.sequenceFor(entry.eventId(), translated.get().topic(), translated.get().subject());
            event = event(stored.get(), translated.get(), sequence);
        } catch (RuntimeException e) {
            return failed(entry, "translation failed: " + PublishFailures.rootCause(e));
        }
        try {
            publisher.publish(event);
        } catch (RuntimeException e) {
            metrics.publishFailed(translated.get().topic());
            String cause = PublishFailures.classify(e) == Verdict.PARK ? "cannot be published: " : "broker unavailable: ";
            return failed(entry, cause + PublishFailures.rootCause(e));
        }
        ledger.markPublished(event.id());
        parked.remove(entry.eventId());
        metrics.published(translated.get().topic(), event.type(),
                Duration.between(stored.get().getTimestamp(), Instant.now()));
        return new Attempt(Outcome.PUBLISHED, null);
    }

    private Attempt failed(ParkedEvents.Entry entry, String reason) {
        String shortReason = shorten(reason);
        parked.failedAgain(entry, shortReason, clock.instant());
        return new Attempt(Outcome.FAILED, shortReason);
    }

    private void park(EventMessage<?> stored, String stream, String topic, String subject, Long sequence,
                      String type, String reason, boolean held) {
        Instant now = clock.instant();
        DomainEventMessage<?> domain = stored instanceof DomainEventMessage<?> d ? d : null;
        ParkedEvents.Entry entry = parked.park(new ParkedEvents.Entry(stored.getIdentifier(), stream, 0, topic, subject,
                sequence, type, domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), shorten(reason), held, now, now, held ? 0 : 1));
        metrics.parked(ParkedEvents.topicOf(entry));
        refreshParked();
        if (held) {
            log.warn("Holding {} {} unsent: an earlier event of {} is parked", type, stored.getIdentifier(), stream);
        } else {
            log.error("Parked {} {} of {} (sequence {}): {}. Later events of this stream are held until it is "
                    + "retried (POST /actuator/relay)", type, stored.getIdentifier(), stream, sequence, reason);
        }
    }

    /** What is parked now; brings the {@code platform_relay_parked} gauge in line with it. */
    public RelayStatus status() {
        RelayStatus status = RelayStatus.of(parked.all());
        refreshParked();
        return status;
    }

    /** Brings the {@code platform_relay_parked} gauge in line with the store. */
    public void refreshParked() {
        metrics.parkedNow(parked.countByTopic());
    }

    private Optional<Target> target(EventMessage<?> stored) {
        return translator.translate(stored).map(out -> {
            Objects.requireNonNull(out.subject(), "subject");
            Objects.requireNonNull(out.payload(), "payload");
            EventType type = EventType.of(out.payload().getClass());
            return new Target(type.topic(), out.subject(), type.qualifiedName(), out.payload());
        });
    }

    private IntegrationEvent<?> event(EventMessage<?> stored, Target target, long sequence) {
        return IntegrationEvent.of(
                stored.getIdentifier(), source, target.subject(), stored.getTimestamp(), sequence,
                metaData(stored, CausationContext.ACTOR, CausationContext.SYSTEM),
                metaData(stored, CausationContext.ACTOR_NAME, null),
                metaData(stored, CausationContext.CORRELATION_ID, stored.getIdentifier()),
                metaData(stored, CausationContext.CAUSED_BY, null),
                target.payload());
    }

    private static String aggregateId(EventMessage<?> stored) {
        return stored instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
    }

    private static String payloadType(EventMessage<?> stored) {
        return stored.getPayloadType().getName();
    }

    private static String metaData(EventMessage<?> message, String key, String fallback) {
        Object value = message.getMetaData().get(key);
        return value == null ? fallback : value.toString();
    }

    private static String shorten(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }

    private record Target(String topic, String subject, String type, Object payload) {
    }

    private enum Outcome { PUBLISHED, NOT_PUBLISHED, FAILED }

    private record Attempt(Outcome outcome, String reason) {
    }

    /**
     * @param published    events sent and removed from the parked store
     * @param dropped      events the translator no longer publishes, removed
     * @param stillParked  events left in the stream (the first with {@code failure})
     */
    public record StreamRetry(String stream, int published, int dropped, int stillParked, String failure) {
    }

    /**
     * @param published   events published again
     * @param parked      sequences not published again because they are parked
     * @param unavailable sequences that could not be re-read, re-translated or published
     */
    public record Redelivered(String topic, String subject, long fromSequence, Long toSequence, int published,
                              List<Long> parked, List<Long> unavailable) {
    }
}
