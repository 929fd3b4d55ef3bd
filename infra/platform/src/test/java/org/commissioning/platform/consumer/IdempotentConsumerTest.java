package org.commissioning.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.platform.InProcessMongo;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.platform.consumer.IdempotentConsumer.Outcome;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The consumer over the real MongoDB driver, against the in-process wire-protocol server: each contract's stream in
 * sequence order, whatever order its records arrive in.
 */
class IdempotentConsumerTest {

    final List<String> handled = new ArrayList<>();
    final List<String> handledIds = new ArrayList<>();
    final List<CausationContext> causes = new ArrayList<>();
    MongoTemplate mongo;
    ConsumedEventStore store;
    PlatformMetrics metrics;
    IdempotentConsumer consumer;

    @BeforeEach
    void setUp() {
        mongo = InProcessMongo.newDatabase("consumer");
        store = new ConsumedEventStore(mongo);
        metrics = new PlatformMetrics(new SimpleMeterRegistry());
        consumer = new IdempotentConsumer("test", store, new IntegrationEventCodec(), metrics,
                IntegrationEventHandlers.builder()
                        .on(ContractRegistered.class, (event, data) -> {
                            handled.add(data.contractId());
                            handledIds.add(event.id());
                            causes.add(CausationContext.current().orElseThrow());
                        })
                        .build());
    }

    @Test
    void handlesAnEventOnceHoweverOftenItIsDelivered() {
        IntegrationEvent<?> event = registered("c-1", 1);

        assertThat(consumer.accept(event)).isEqualTo(Outcome.HANDLED);
        assertThat(consumer.accept(event)).isEqualTo(Outcome.DUPLICATE);
        assertThat(consumer.accept(event)).isEqualTo(Outcome.DUPLICATE);

        assertThat(handled).containsExactly("c-1");
        assertThat(metrics.count("platform.events.duplicates")).isEqualTo(2);
        assertThat(metrics.count("platform.events.consumed")).isEqualTo(1);
    }

    @Test
    void movesAStreamOnWhenAnEventWasRecordedAsHandledButTheServiceStoppedBeforeItsStreamWasMovedPastIt() {
        IntegrationEvent<?> first = registered("c-1", 1);
        IntegrationEvent<?> second = registered("c-1", 2);
        IntegrationEvent<?> third = registered("c-1", 3);
        assertThat(consumer.accept(first)).isEqualTo(Outcome.HANDLED);
        handled.clear();
        // the first of record()'s two writes, as if the process had been killed before the second
        mongo.save(new org.bson.Document("_id", "test|" + second.id()).append("consumer", "test")
                .append("eventId", second.id()).append("sequence", 2L), ConsumedEventStore.EVENTS);
        assertThat(store.lastSequence("test", "/contract-service", "c-1")).isEqualTo(1);
        assertThat(consumer.accept(third)).isEqualTo(Outcome.HELD);

        assertThat(consumer.accept(second)).as("its handler ran before it was recorded").isEqualTo(Outcome.DUPLICATE);

        assertThat(store.lastSequence("test", "/contract-service", "c-1")).isEqualTo(3);
        assertThat(handled).as("the second not again; the held third applied").containsExactly("c-1");
        assertThat(handledIds).endsWith(third.id());
        assertThat(store.heldCount("test")).isZero();
        assertThat(consumer.accept(second)).isEqualTo(Outcome.DUPLICATE);
        assertThat(store.lastSequence("test", "/contract-service", "c-1")).isEqualTo(3);
    }

    @Test
    void holdsARecordThatJumpsAheadAndAppliesItAfterTheMissingOnesInOrder() {
        IntegrationEvent<?> first = registered("c-1", 1);
        IntegrationEvent<?> fourth = registered("c-1", 4);
        IntegrationEvent<?> second = registered("c-1", 2);
        IntegrationEvent<?> third = registered("c-1", 3);

        assertThat(consumer.accept(first)).isEqualTo(Outcome.HANDLED);
        assertThat(consumer.accept(fourth)).isEqualTo(Outcome.HELD);
        assertThat(handledIds).containsExactly(first.id());
        assertThat(held()).isEqualTo(1);

        assertThat(consumer.accept(second)).isEqualTo(Outcome.HANDLED);
        assertThat(handledIds).containsExactly(first.id(), second.id());
        assertThat(consumer.accept(third)).isEqualTo(Outcome.HANDLED);

        assertThat(handledIds).containsExactly(first.id(), second.id(), third.id(), fourth.id());
        assertThat(store.lastSequence("test", "/contract-service", "c-1")).isEqualTo(4);
        assertThat(held()).isZero();
        assertThat(metrics.count("platform.events.consumed")).isEqualTo(4);
    }

    @Test
    void looksAtHeldRecordsOnlyWhileTheStreamHoldsSome() {
        List<String> heldLookups = new ArrayList<>();
        ConsumedEventStore counting = new ConsumedEventStore(mongo) {
            @Override
            public Optional<Held> heldAt(String consumer, String source, String subject, long sequence) {
                heldLookups.add("heldAt " + subject + "#" + sequence);
                return super.heldAt(consumer, source, subject, sequence);
            }

            @Override
            public void releaseUpTo(String consumer, String source, String subject, long sequence) {
                heldLookups.add("releaseUpTo " + subject + "#" + sequence);
                super.releaseUpTo(consumer, source, subject, sequence);
            }

            @Override
            public boolean isHeld(String consumer, String eventId) {
                heldLookups.add("isHeld");
                return super.isHeld(consumer, eventId);
            }
        };
        IdempotentConsumer cheap = new IdempotentConsumer("test", counting, new IntegrationEventCodec(), metrics,
                IntegrationEventHandlers.builder().on(ContractRegistered.class, (event, data) -> handled.add(
                        data.contractId() + "#" + event.sequence())).build());

        cheap.accept(registered("c-1", 1));
        cheap.accept(registered("c-1", 2));
        assertThat(heldLookups).isEmpty();

        cheap.accept(registered("c-1", 4));
        heldLookups.clear();
        cheap.accept(registered("c-1", 3));

        assertThat(handled).containsExactly("c-1#1", "c-1#2", "c-1#3", "c-1#4");
        assertThat(heldLookups).contains("isHeld", "releaseUpTo c-1#3", "heldAt c-1#4");
        heldLookups.clear();
        cheap.accept(registered("c-1", 5));
        assertThat(heldLookups).isEmpty();
        assertThat(handled).endsWith("c-1#5");
    }

    /**
     * Records arrive as {@code contract#sequence}, in this order; a gap is counted when a stream starts holding
     * records, once however many numbers are missing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            counts one gap however many sequence numbers are missing | c-1#1 c-1#9 c-1#5 c-1#7 | 1 | 3 | 1
            counts a new gap once the earlier one is closed          | c-1#1 c-1#3 c-1#2 c-1#6 | 2 | 1 | 3
            reports no gap for consecutive events or another contract | c-1#1 c-1#2 c-2#1      | 0 | 0 | 3
            """)
    void countsAGapEachTimeAStreamStartsHoldingRecords(String scenario, String arrivals, int gaps, int held,
                                                       int handledCount) {
        for (String arrival : arrivals.split(" ")) {
            String[] record = arrival.split("#");
            consumer.accept(registered(record[0], Long.parseLong(record[1])));
        }

        assertThat(metrics.count("platform.events.gaps")).isEqualTo(gaps);
        assertThat(held()).isEqualTo(held);
        assertThat(handled).hasSize(handledCount);
    }

    @Test
    void doesNotApplyARecordUnderANewIdClaimingASequenceAlreadyApplied() {
        consumer.accept(registered("c-1", 1));
        consumer.accept(registered("c-1", 2));

        assertThat(consumer.accept(registered("c-1", 2))).isEqualTo(Outcome.CONFLICT);
        assertThat(consumer.accept(registered("c-1", 1))).isEqualTo(Outcome.CONFLICT);

        assertThat(handled).hasSize(2);
        assertThat(metrics.count("platform.events.conflicts")).isEqualTo(2);
        assertThat(metrics.count("platform.events.duplicates")).isZero();
        assertThat(store.lastSequence("test", "/contract-service", "c-1")).isEqualTo(2);
    }

    @Test
    void holdsOnlyTheFirstRecordClaimingASequenceAhead() {
        consumer.accept(registered("c-1", 1));
        IntegrationEvent<?> firstClaim = registered("c-1", 3);
        consumer.accept(firstClaim);

        assertThat(consumer.accept(registered("c-1", 3))).isEqualTo(Outcome.CONFLICT);
        consumer.accept(registered("c-1", 2));

        assertThat(handledIds).hasSize(3).endsWith(firstClaim.id());
        assertThat(metrics.count("platform.events.conflicts")).isEqualTo(1);
    }

    @Test
    void dropsARedeliveryOfAHeldRecord() {
        consumer.accept(registered("c-1", 1));
        IntegrationEvent<?> ahead = registered("c-1", 3);

        assertThat(consumer.accept(ahead)).isEqualTo(Outcome.HELD);
        assertThat(consumer.accept(ahead)).isEqualTo(Outcome.DUPLICATE);
        consumer.accept(registered("c-1", 2));
        assertThat(consumer.accept(ahead)).isEqualTo(Outcome.DUPLICATE);

        assertThat(handledIds).containsOnlyOnce(ahead.id()).hasSize(3);
        assertThat(metrics.count("platform.events.duplicates")).isEqualTo(2);
        assertThat(metrics.count("platform.events.gaps")).isEqualTo(1);
    }

    @Test
    void heldRecordsSurviveANewConsumerInstance() {
        consumer.accept(registered("c-1", 1));
        IntegrationEvent<?> third = registered("c-1", 3);
        consumer.accept(third);

        List<String> handledAfterRestart = new ArrayList<>();
        IdempotentConsumer restarted = new IdempotentConsumer("test", new ConsumedEventStore(mongo),
                new IntegrationEventCodec(), new PlatformMetrics(new SimpleMeterRegistry()),
                IntegrationEventHandlers.builder()
                        .on(ContractRegistered.class, (event, data) -> handledAfterRestart.add(event.id()))
                        .build());
        IntegrationEvent<?> second = registered("c-1", 2);

        assertThat(restarted.accept(second)).isEqualTo(Outcome.HANDLED);

        assertThat(handledAfterRestart).containsExactly(second.id(), third.id());
        assertThat(store.held("test")).isEmpty();
    }

    @Test
    void aHeldRecordWhoseHandlerFailsStaysHeldAndIsTriedAgainWithTheNextRecordOfItsContract() {
        List<Long> applied = new ArrayList<>();
        long[] failuresLeft = {1};
        IdempotentConsumer failingOnce = new IdempotentConsumer("failing", store, new IntegrationEventCodec(),
                metrics, IntegrationEventHandlers.builder()
                        .on(ContractRegistered.class, (event, data) -> {
                            if (event.sequence() == 3 && failuresLeft[0]-- > 0) {
                                throw new IllegalStateException("database unavailable");
                            }
                            applied.add(event.sequence());
                        })
                        .build());
        failingOnce.accept(registered("c-1", 1));
        failingOnce.accept(registered("c-1", 3));

        assertThat(failingOnce.accept(registered("c-1", 2))).isEqualTo(Outcome.HANDLED);
        assertThat(applied).containsExactly(1L, 2L);
        assertThat(store.held("failing")).extracting(ConsumedEventStore.Held::sequence).containsExactly(3L);

        assertThat(failingOnce.accept(registered("c-1", 4))).isEqualTo(Outcome.HELD);
        assertThat(applied).containsExactly(1L, 2L, 3L, 4L);
        assertThat(store.held("failing")).isEmpty();
    }

    @Test
    void showsHowManyRecordsAreHeld() {
        consumer.accept(registered("c-1", 1));
        consumer.accept(registered("c-1", 3));
        consumer.accept(registered("c-2", 4));

        assertThat(metrics.gauge("platform.events.held", "consumer", "test")).isEqualTo(2);
        assertThat(store.held("test")).extracting(ConsumedEventStore.Held::subject, ConsumedEventStore.Held::sequence,
                        ConsumedEventStore.Held::expected)
                .containsExactly(tuple("c-1", 3L, 2L), tuple("c-2", 4L, 1L));
    }

    @Test
    void refusesARecordWhoseSourceDoesNotOwnTheTopic() {
        IntegrationEvent<ContractRegistered> impostor = IntegrationEvent.of(UUID.randomUUID().toString(),
                "/rag-service", "c-1", Instant.now(), 1, "officer.jones", "corr-1", registered("c-1", 1).data());

        assertThat(consumer.accept(impostor, Topics.CONTRACTS)).isEqualTo(Outcome.REFUSED);
        assertThat(consumer.accept(registered("c-1", 1), Topics.CONTRACTS)).isEqualTo(Outcome.HANDLED);

        assertThat(handled).hasSize(1);
        assertThat(metrics.count("platform.events.refused", "topic", Topics.CONTRACTS)).isEqualTo(1);
    }

    @Test
    void advancesTheSequenceOverEventsItHasNoHandlerFor() {
        consumer.accept(registered("c-1", 1));
        IntegrationEvent<?> unknown = ofATypeThisBuildDoesNotKnow("c-1", 2);

        assertThat(consumer.accept(unknown)).isEqualTo(Outcome.IGNORED);
        assertThat(consumer.accept(registered("c-1", 3))).isEqualTo(Outcome.HANDLED);

        assertThat(metrics.count("platform.events.gaps")).isZero();
    }

    @Test
    void anUnknownTypeHeldAheadOfItsTurnStillTakesItsTurn() {
        consumer.accept(registered("c-1", 1));
        IntegrationEvent<?> unknown = ofATypeThisBuildDoesNotKnow("c-1", 3);
        consumer.accept(unknown);
        consumer.accept(registered("c-1", 2));

        assertThat(store.lastSequence("test", "/contract-service", "c-1")).isEqualTo(3);
        assertThat(consumer.accept(registered("c-1", 4))).isEqualTo(Outcome.HANDLED);
    }

    @Test
    void runsTheHandlerAsTheSystemCausedByTheEventsActorInItsChain() {
        consumer.accept(registered("c-1", 1));

        assertThat(causes).containsExactly(new CausationContext("system", "system", "corr-1", "officer.jones"));
    }

    @Test
    void keepsTheActorWhoStartedTheChainWhenTheEventWasItselfCausedByAnEvent() {
        consumer.accept(IntegrationEvent.of(UUID.randomUUID().toString(), "/contract-service", "c-1", Instant.now(), 1,
                "system", "system", "corr-7", "provider.nelft", registered("c-1", 1).data()));

        assertThat(causes).containsExactly(new CausationContext("system", "system", "corr-7", "provider.nelft"));
    }

    @Test
    void takesTheEventIdAsTheChainOfAnEventWithoutActorOrCorrelation() {
        IntegrationEvent<ContractRegistered> bare = IntegrationEvent.of(UUID.randomUUID().toString(),
                "/contract-service", "c-1", Instant.now(), 1, null, null, registered("c-1", 1).data());

        consumer.accept(bare);

        assertThat(causes).containsExactly(new CausationContext("system", "system", bare.id(), null));
    }

    /** A record of contract-service's stream of a type this consumer has no handler for (a later version's event). */
    private static IntegrationEvent<?> ofATypeThisBuildDoesNotKnow(String contractId, long sequence) {
        return new IntegrationEvent<>("1.0", UUID.randomUUID().toString(), "/contract-service",
                "org.commissioning.contracts.SomethingNew.v1", contractId, Instant.now(), "application/json", sequence,
                "a", "b", JsonNodeFactory.instance.objectNode());
    }

    private double held() {
        return metrics.gauge("platform.events.held", "consumer", "test");
    }

    private static IntegrationEvent<ContractRegistered> registered(String contractId, long sequence) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), "/contract-service", contractId, Instant.now(), sequence,
                "officer.jones", "corr-1",
                new ContractRegistered(contractId, "P", "YOUTH", new Lot("DISTRICT", List.of("South"), List.of("Dover")),
                        null, null, null));
    }
}
