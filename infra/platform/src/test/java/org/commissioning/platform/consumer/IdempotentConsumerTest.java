package org.commissioning.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.commissioning.embedded.MongoWireServer;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.platform.consumer.IdempotentConsumer.Outcome;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The consumer over the real MongoDB driver, against the in-process wire-protocol server. */
class IdempotentConsumerTest {

    static final MongoWireServer MONGO = MongoWireServer.inMemoryOnFreePort().start();
    static final MongoClient CLIENT = MongoClients.create(MONGO.connectionString());

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.stop();
    }

    final List<String> handled = new ArrayList<>();
    final List<CausationContext> causes = new ArrayList<>();
    PlatformMetrics metrics;
    IdempotentConsumer consumer;

    @BeforeEach
    void setUp() {
        MongoTemplate mongo = new MongoTemplate(CLIENT, "consumer-" + UUID.randomUUID());
        metrics = new PlatformMetrics(new SimpleMeterRegistry());
        consumer = new IdempotentConsumer("test", new ConsumedEventStore(mongo), new IntegrationEventCodec(), metrics,
                IntegrationEventHandlers.builder()
                        .on(ContractRegistered.class, (event, data) -> {
                            handled.add(data.contractId());
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
    void reportsTheMissingSequenceNumbersOfAContractAndStillHandlesTheEvent() {
        consumer.accept(registered("c-1", 1));
        consumer.accept(registered("c-1", 4));

        assertThat(metrics.count("platform.events.gaps")).isEqualTo(2);
        assertThat(handled).containsExactly("c-1", "c-1");
    }

    @Test
    void reportsNoGapForConsecutiveEventsOrForAnotherContract() {
        consumer.accept(registered("c-1", 1));
        consumer.accept(registered("c-1", 2));
        consumer.accept(registered("c-2", 1));

        assertThat(metrics.count("platform.events.gaps")).isZero();
    }

    @Test
    void countsALateEventWithoutReportingAGap() {
        consumer.accept(registered("c-1", 1));
        consumer.accept(registered("c-1", 3));
        consumer.accept(registered("c-1", 2));

        assertThat(metrics.count("platform.events.gaps")).isEqualTo(1);
        assertThat(metrics.count("platform.events.late")).isEqualTo(1);
        assertThat(handled).hasSize(3);
    }

    @Test
    void advancesTheSequenceOverEventsItHasNoHandlerFor() {
        consumer.accept(registered("c-1", 1));
        IntegrationEvent<?> unknown = new IntegrationEvent<>("1.0", UUID.randomUUID().toString(), "/contract-service",
                "org.commissioning.contracts.SomethingNew.v1", "c-1", Instant.now(), "application/json", 2, "a", "b",
                JsonNodeFactory.instance.objectNode());

        assertThat(consumer.accept(unknown)).isEqualTo(Outcome.IGNORED);
        consumer.accept(registered("c-1", 3));

        assertThat(metrics.count("platform.events.gaps")).isZero();
    }

    @Test
    void runsTheHandlerInTheCausationOfTheEvent() {
        consumer.accept(registered("c-1", 1));

        assertThat(causes).containsExactly(new CausationContext("officer.jones", "corr-1"));
    }

    private static IntegrationEvent<ContractRegistered> registered(String contractId, long sequence) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), "/contract-service", contractId, Instant.now(), sequence,
                "officer.jones", "corr-1",
                new ContractRegistered(contractId, "P", "YOUTH", new Lot("DISTRICT", List.of("South"), List.of("Dover")),
                        null, null, null));
    }
}
