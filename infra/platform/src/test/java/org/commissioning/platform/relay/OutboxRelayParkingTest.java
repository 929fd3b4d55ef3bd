package org.commissioning.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.platform.InProcessMongo;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractOfficersAssigned;
import org.commissioning.events.platform.v1.EventsRedeliveryRequested;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.platform.messaging.PublishFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.mongodb.core.MongoTemplate;


import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The relay's decisions, over the real MongoDB driver (in-process wire-protocol server) and a real Axon event
 * store in memory, with a publisher that fails the way Kafka's producer does.
 */
class OutboxRelayParkingTest {

    /** A stored event of the test aggregate: a contract whose lead officer is named. */
    record OfficerNamed(String contractId, String leadOfficer) {
    }

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final Map<String, Long> aggregateSequences = new HashMap<>();
    final Map<String, StoredEvents.Position> positions = new HashMap<>();
    final BrokerDouble broker = new BrokerDouble();
    final TranslatorDouble translator = new TranslatorDouble();
    PlatformMetrics metrics;
    OutboxLedger ledger;
    ParkedEvents parked;
    OutboxRelay relay;

    @BeforeEach
    void setUp() {
        MongoTemplate mongo = InProcessMongo.newDatabase("relay");
        metrics = new PlatformMetrics(new SimpleMeterRegistry());
        ledger = new OutboxLedger(mongo);
        parked = new ParkedEvents(mongo);
        relay = new OutboxRelay(translator, ledger, broker, metrics, parked,
                new StoredEvents(() -> eventStore, id -> Optional.ofNullable(positions.get(id))),
                Clock.systemUTC(), "/test-service", 2, Duration.ofMillis(1));
    }

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void parksAnEventTheBrokerRejectsAsTooLargeInsteadOfRetryingItForEver() throws Exception {
        broker.maxLeadOfficerLength = 10;
        DomainEventMessage<?> large = store("A", "x".repeat(50));

        relay.on(large.getPayload(), large);

        assertThat(broker.published).isEmpty();
        assertThat(broker.attempts).as("a deterministic failure is not retried").hasValue(1);
        ParkedEvents.Entry entry = parked.find(large.getIdentifier()).orElseThrow();
        assertThat(entry.stream()).isEqualTo(Topics.CONTRACTS + "|A");
        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(entry.reason()).contains("RecordTooLargeException");
        assertThat(entry.aggregateId()).isEqualTo("A");
        assertThat(entry.aggregateSequence()).isZero();
        assertThat(entry.held()).isFalse();
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.parkedAt()).isNotNull();
    }

    @Test
    void retriesAnEventWhileTheBrokerIsUnavailableAndParksNothing() throws Exception {
        broker.unavailable = true;
        DomainEventMessage<?> event = store("A", "Ann");

        assertThatThrownBy(() -> relay.on(event.getPayload(), event)).isInstanceOf(PublishFailedException.class);

        assertThat(broker.attempts).as("the configured attempts, then back to the processor").hasValue(2);
        assertThat(parked.count()).isZero();
        assertThat(ledger.unpublished()).isEqualTo(1);

        broker.unavailable = false;
        relay.on(event.getPayload(), event);
        assertThat(broker.published).extracting(IntegrationEvent::sequence).containsExactly(1L);
    }

    @Test
    void waitsTheBackoffThenTwiceAsLongBeforeEachNewAttempt() throws Exception {
        relay = new OutboxRelay(translator, ledger, broker, metrics, parked, new StoredEvents(() -> eventStore),
                Clock.systemUTC(), "/test-service", 3, Duration.ofMillis(100));
        broker.unavailable = true;
        DomainEventMessage<?> event = store("A", "Ann");

        assertThatThrownBy(() -> relay.on(event.getPayload(), event)).isInstanceOf(PublishFailedException.class);

        List<Long> at = broker.attemptedAtNanos;
        assertThat(at).hasSize(3);
        assertThat(Duration.ofNanos(at.get(1) - at.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.ofNanos(at.get(2) - at.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void holdsLaterEventsOfAParkedContractUnsentWhileOtherContractsFlow() throws Exception {
        relayed(store("A", "Ann"));
        ParkedStream a = parkedStream("A");
        relayed(store("B", "Cat"));
        relayed(store("B", "Dan"));

        assertThat(broker.published).extracting(e -> e.subject() + e.sequence())
                .containsExactly("A1", "B1", "B2");
        assertThat(parked.all()).extracting(ParkedEvents.Entry::eventId)
                .containsExactly(a.tooLarge().getIdentifier(), a.behind().getIdentifier());
        ParkedEvents.Entry held = parked.find(a.behind().getIdentifier()).orElseThrow();
        assertThat(held.held()).isTrue();
        assertThat(held.stream()).isEqualTo(Topics.CONTRACTS + "|A");
        assertThat(held.sequence()).as("numbered when it is sent, after the event it waits for").isNull();
        assertThat(parked.streams()).containsExactly(Topics.CONTRACTS + "|A");
        assertThat(metrics.gauge("platform.relay.parked", "topic", Topics.CONTRACTS)).isEqualTo(2);
        assertThat(metrics.count("platform.relay.parked.events", "topic", Topics.CONTRACTS)).isEqualTo(2);
    }

    @Test
    void aRetryAfterTheFixPublishesTheStreamInOrderWithTheSameIdsAndSequences() throws Exception {
        relayed(store("A", "Ann"));
        ParkedStream a = parkedStream("A");
        long parkedSequence = parked.find(a.tooLarge().getIdentifier()).orElseThrow().sequence();

        broker.maxLeadOfficerLength = 100;
        List<OutboxRelay.StreamRetry> result = relay.retry(null);

        assertThat(result).containsExactly(new OutboxRelay.StreamRetry(Topics.CONTRACTS + "|A", 2, 0, 0, null));
        assertThat(broker.published).extracting(IntegrationEvent::id, IntegrationEvent::sequence).containsExactly(
                org.assertj.core.groups.Tuple.tuple(broker.published.get(0).id(), 1L),
                org.assertj.core.groups.Tuple.tuple(a.tooLarge().getIdentifier(), parkedSequence),
                org.assertj.core.groups.Tuple.tuple(a.behind().getIdentifier(), 3L));
        assertThat(parked.count()).isZero();
        assertThat(ledger.unpublished()).isZero();
        assertThat(metrics.gauge("platform.relay.parked", "topic", Topics.CONTRACTS)).isZero();

        relayed(store("A", "Eve"));
        assertThat(broker.published.get(3).sequence()).as("the stream flows again").isEqualTo(4);
    }

    @Test
    void aRetryThatStillFailsKeepsTheEventParkedAndItsStreamHeld() throws Exception {
        ParkedStream a = parkedStream("A");

        List<OutboxRelay.StreamRetry> result = relay.retry(Topics.CONTRACTS + "|A");

        assertThat(result).singleElement().satisfies(r -> {
            assertThat(r.published()).isZero();
            assertThat(r.stillParked()).isEqualTo(2);
            assertThat(r.failure()).contains("RecordTooLargeException");
        });
        assertThat(broker.published).isEmpty();
        ParkedEvents.Entry entry = parked.find(a.tooLarge().getIdentifier()).orElseThrow();
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(entry.lastAttemptAt()).isAfterOrEqualTo(entry.parkedAt());
        assertThat(parked.find(a.behind().getIdentifier()).orElseThrow().attempts())
                .as("the events behind it are not tried").isZero();

        relayed(store("A", "Eve"));
        assertThat(broker.published).as("still held behind it").isEmpty();
        assertThat(parked.count()).isEqualTo(3);
    }

    @Test
    void aRetryOfOneStreamLeavesTheOthersParked() throws Exception {
        broker.maxLeadOfficerLength = 10;
        relayed(store("A", "x".repeat(50)));
        relayed(store("B", "y".repeat(50)));
        broker.maxLeadOfficerLength = 100;

        relay.retry(Topics.CONTRACTS + "|B");

        assertThat(broker.published).extracting(IntegrationEvent::subject).containsExactly("B");
        assertThat(parked.streams()).containsExactly(Topics.CONTRACTS + "|A");
    }

    @Test
    void parksAnEventWhoseTranslationThrowsAndTranslatesItAgainOnRetry() throws Exception {
        translator.broken = true;
        DomainEventMessage<?> untranslatable = relayed(store("A", "Ann"));
        translator.broken = false;
        DomainEventMessage<?> behind = relayed(store("A", "Bob"));
        relayed(store("B", "Cat"));

        assertThat(broker.published).extracting(IntegrationEvent::subject).containsExactly("B");
        ParkedEvents.Entry entry = parked.find(untranslatable.getIdentifier()).orElseThrow();
        assertThat(entry.reason()).startsWith("translation failed").contains("translator defect");
        assertThat(entry.topic()).isNull();
        assertThat(parked.find(behind.getIdentifier()).orElseThrow().stream())
                .as("held behind its aggregate's untranslatable event").isEqualTo(entry.stream());
        assertThat(metrics.gauge("platform.relay.parked", "topic", "unknown")).isEqualTo(1);

        relay.retry(null);

        assertThat(broker.published).extracting(e -> e.id() + "@" + e.subject() + e.sequence()).containsExactly(
                broker.published.get(0).id() + "@B1",
                untranslatable.getIdentifier() + "@A1",
                behind.getIdentifier() + "@A2");
        assertThat(parked.count()).isZero();
    }

    @Test
    void anEventRedeliveredByTheProcessorIsNotParkedTwiceNorSentAheadOfItsStream() throws Exception {
        broker.maxLeadOfficerLength = 10;
        DomainEventMessage<?> tooLarge = relayed(store("A", "x".repeat(50)));
        broker.maxLeadOfficerLength = 100;

        relayed(tooLarge);

        assertThat(broker.published).isEmpty();
        assertThat(parked.count()).isEqualTo(1);
    }

    @Test
    void theRelayHealthComponentIsDegradedWhileAnythingIsParked() throws Exception {
        RelayHealthIndicator health = new RelayHealthIndicator(relay);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        parkedStream("A");
        Health degraded = health.health();

        assertThat(degraded.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(degraded.getDetails()).containsEntry("parked", 2L).containsEntry("streamsHeld", 1L)
                .containsKey("oldestParkedAt");
        assertThat(degraded.getDetails().get("oldestReason").toString()).contains("RecordTooLargeException");

        broker.maxLeadOfficerLength = 100;
        relay.retry(null);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theOperatorEndpointListsWhatTheHealthComponentCountsAndRetriesOneStreamOrAll() throws Exception {
        RelayEndpoint endpoint = new RelayEndpoint(relay);
        RelayHealthIndicator health = new RelayHealthIndicator(relay);
        ParkedStream a = parkedStream("A");
        ParkedStream b = parkedStream("B");

        RelayStatus status = endpoint.parked();

        assertThat(status.parked()).isEqualTo(4);
        assertThat(status.streams()).containsExactly(Topics.CONTRACTS + "|A", Topics.CONTRACTS + "|B");
        assertThat(status.events()).extracting(ParkedEvents.Entry::eventId).containsExactly(
                a.tooLarge().getIdentifier(), a.behind().getIdentifier(),
                b.tooLarge().getIdentifier(), b.behind().getIdentifier());
        assertThat(health.health().getDetails()).containsEntry("parked", status.parked())
                .containsEntry("streamsHeld", (long) status.streams().size())
                .containsEntry("oldestStream", Topics.CONTRACTS + "|A")
                .containsEntry("oldestParkedAt", status.events().get(0).parkedAt());

        broker.maxLeadOfficerLength = 100;
        RelayEndpoint.Retried retried = endpoint.retry(Topics.CONTRACTS + "|B");

        assertThat(retried.streams()).extracting(OutboxRelay.StreamRetry::stream).containsExactly(Topics.CONTRACTS + "|B");
        assertThat(retried.stillParked()).isEqualTo(2);
        assertThat(endpoint.parked().streams()).containsExactly(Topics.CONTRACTS + "|A");
        assertThat(endpoint.retry(" ").stillParked()).as("a blank stream retries them all").isZero();
        assertThat(endpoint.parked().events()).isEmpty();
        assertThat(health.health().getDetails()).containsEntry("parked", 0L);
    }

    /** A stream held by a parked event: one the broker rejects as too large, and one more of its contract behind it. */
    private ParkedStream parkedStream(String contractId) throws InterruptedException {
        broker.maxLeadOfficerLength = 10;
        DomainEventMessage<?> tooLarge = relayed(store(contractId, "x".repeat(50)));
        DomainEventMessage<?> behind = relayed(store(contractId, "Bob"));
        return new ParkedStream(tooLarge, behind);
    }

    record ParkedStream(DomainEventMessage<?> tooLarge, DomainEventMessage<?> behind) {
    }

    @Test
    void redeliversAStreamsPublishedEventsInOrderWithTheirIdsAndSequencesButNotItsParkedOnes() throws Exception {
        DomainEventMessage<?> first = relayed(store("A", "Ann"));
        DomainEventMessage<?> second = relayed(store("A", "Bob"));
        relayed(store("B", "Cat"));
        ParkedStream a = parkedStream("A");
        broker.published.clear();
        broker.maxLeadOfficerLength = Integer.MAX_VALUE;

        OutboxRelay.Redelivered all = relay.redeliver(Topics.CONTRACTS, "A", 1, null);

        assertThat(broker.published).extracting(IntegrationEvent::id, IntegrationEvent::sequence).containsExactly(
                tuple(first.getIdentifier(), 1L), tuple(second.getIdentifier(), 2L));
        assertThat(all.published()).isEqualTo(2);
        assertThat(all.parked()).as("held for a reason: left to the operator's retry").containsExactly(3L);
        assertThat(all.unavailable()).isEmpty();
        assertThat(parked.find(a.tooLarge().getIdentifier())).isPresent();
        assertThat(metrics.count("platform.events.redelivered", "topic", Topics.CONTRACTS)).isEqualTo(2);

        broker.published.clear();
        OutboxRelay.Redelivered one = relay.redeliver(Topics.CONTRACTS, "A", 2, 2L);

        assertThat(broker.published).extracting(IntegrationEvent::sequence).containsExactly(2L);
        assertThat(one.published()).isEqualTo(1);
        assertThat(one.parked()).isEmpty();
    }

    @Test
    void namesTheSequencesItCannotReReadFromTheEventStore() throws Exception {
        relayed(store("A", "Ann"));
        DomainEventMessage<?> second = relayed(store("A", "Bob"));
        positions.remove(second.getIdentifier());
        broker.published.clear();

        OutboxRelay.Redelivered result = relay.redeliver(Topics.CONTRACTS, "A", 1, null);

        assertThat(broker.published).extracting(IntegrationEvent::sequence).containsExactly(1L);
        assertThat(result.unavailable()).containsExactly(2L);
    }

    @Test
    void answersARedeliveryRequestOnlyForItsOwnTopics() throws Exception {
        relay = new OutboxRelay(translator, ledger, broker, metrics, parked,
                new StoredEvents(() -> eventStore, id -> Optional.ofNullable(positions.get(id))),
                Clock.systemUTC(), "/contract-service", 2, Duration.ofMillis(1));
        relayed(store("A", "Ann"));
        broker.published.clear();
        RedeliveryRequests requests = new RedeliveryRequests(relay, new IntegrationEventCodec());

        assertThat(requests.accept(request(Topics.RATINGS, "A", 1))).isNull();
        assertThat(requests.accept(request(Topics.CONTRACTS, "A", 1)).published()).isEqualTo(1);

        assertThat(relay.owns(Topics.CONTRACTS)).isTrue();
        assertThat(relay.owns(Topics.RATINGS)).isFalse();
        assertThat(relay.owns(Topics.REDELIVERY)).isFalse();
        assertThat(broker.published).extracting(IntegrationEvent::sequence).containsExactly(1L);
    }

    private static IntegrationEvent<?> request(String topic, String subject, long from) {
        return IntegrationEvent.of("req-" + topic, "/gateway", subject, java.time.Instant.now(), 1, "system", "req",
                new EventsRedeliveryRequested(topic, subject, from, null, "gateway.dashboard"));
    }

    @Test
    void publishesTheActorsNameAndWhoStartedTheChainFromTheStoredEventsMetaData() throws Exception {
        DomainEventMessage<?> caused = new GenericDomainEventMessage<>("Contract", "A", 0,
                new OfficerNamed("A", "Ann"), MetaData.with("actor", "system").and("actorname", "system")
                .and("correlationid", "corr-1").and("causedby", "provider.nelft"));
        DomainEventMessage<?> older = new GenericDomainEventMessage<>("Contract", "B", 0,
                new OfficerNamed("B", "Bob"), MetaData.with("actor", "officer.jones").and("correlationid", "corr-2"));
        eventStore.publish(caused, older);

        relayed(caused);
        relayed(older);

        assertThat(broker.published).extracting(IntegrationEvent::actor, IntegrationEvent::actorname,
                IntegrationEvent::correlationid, IntegrationEvent::causedby).containsExactly(
                tuple("system", "system", "corr-1", "provider.nelft"),
                tuple("officer.jones", null, "corr-2", null));
    }

    private DomainEventMessage<?> store(String contractId, String leadOfficer) {
        long sequence = aggregateSequences.merge(contractId, 0L, (a, b) -> a + 1);
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Contract", contractId, sequence,
                new OfficerNamed(contractId, leadOfficer));
        eventStore.publish(event);
        positions.put(event.getIdentifier(), new StoredEvents.Position(contractId, sequence));
        return event;
    }

    private DomainEventMessage<?> relayed(DomainEventMessage<?> event) throws InterruptedException {
        relay.on(event.getPayload(), event);
        return event;
    }

    static final class TranslatorDouble implements IntegrationEventTranslator {

        volatile boolean broken;

        @Override
        public Optional<Outgoing> translate(EventMessage<?> stored) {
            if (!(stored.getPayload() instanceof OfficerNamed named)) {
                return Optional.empty();
            }
            if (broken) {
                throw new IllegalStateException("translator defect");
            }
            return Optional.of(new Outgoing(named.contractId(),
                    new ContractOfficersAssigned(named.contractId(), named.leadOfficer(), "Manager")));
        }
    }

    /** Fails as Kafka's producer does: a record over the limit is rejected for good, an absent broker times out. */
    static final class BrokerDouble implements IntegrationEventPublisher {

        final List<IntegrationEvent<?>> published = new ArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        final List<Long> attemptedAtNanos = new CopyOnWriteArrayList<>();
        volatile int maxLeadOfficerLength = Integer.MAX_VALUE;
        volatile boolean unavailable;

        @Override
        public void publish(IntegrationEvent<?> event) {
            attempts.incrementAndGet();
            attemptedAtNanos.add(System.nanoTime());
            if (unavailable) {
                throw new PublishFailedException("Broker did not acknowledge " + event.id(),
                        new TimeoutException("Topic not present in metadata after 5000 ms."));
            }
            if (((ContractOfficersAssigned) event.data()).leadOfficer().length() > maxLeadOfficerLength) {
                throw new PublishFailedException("Broker did not acknowledge " + event.id(),
                        new RuntimeException("Failed to send", new RecordTooLargeException(
                                "The message is larger than max.request.size")));
            }
            published.add(event);
        }
    }
}
