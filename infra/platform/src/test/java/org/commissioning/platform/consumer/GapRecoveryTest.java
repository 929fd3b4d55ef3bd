package org.commissioning.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractOfficersAssigned;
import org.commissioning.events.platform.v1.EventsRedeliveryRequested;
import org.commissioning.platform.InProcessMongo;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.platform.messaging.PublishFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** When a consumer asks a stream's owner for the events it misses: held long enough, and not asked too recently. */
class GapRecoveryTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final List<IntegrationEvent<?>> requests = new CopyOnWriteArrayList<>();
    final IntegrationEventPublisher publisher = requests::add;
    Instant now;
    ConsumedEventStore store;
    PlatformMetrics metrics;
    IdempotentConsumer consumer;
    GapRecovery recovery;
    boolean brokerDown;

    @BeforeEach
    void setUp() {
        store = new ConsumedEventStore(InProcessMongo.newDatabase("gap-recovery"));
        metrics = new PlatformMetrics(new SimpleMeterRegistry());
        consumer = new IdempotentConsumer("gateway.dashboard", store, new IntegrationEventCodec(), metrics,
                IntegrationEventHandlers.builder().on(ContractOfficersAssigned.class, (event, data) -> { }).build());
        now = Instant.now();
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        recovery = new GapRecovery(store, () -> event -> {
            if (brokerDown) {
                throw new PublishFailedException("broker down", null);
            }
            publisher.publish(event);
        }, metrics, clock, TIMEOUT, "/gateway");
    }

    @Test
    void asksNothingWhileTheHeldRecordsAreYoungerThanTheTimeout() {
        consumer.accept(officers("c-1", 1), Topics.CONTRACTS);
        consumer.accept(officers("c-1", 3), Topics.CONTRACTS);
        now = now.plus(TIMEOUT).minusSeconds(1);

        assertThat(recovery.check()).isEmpty();
        assertThat(requests).isEmpty();
    }

    @Test
    void asksTheOwnerForTheMissingSequencesUpToTheLastHeldOnceTheOldestHeldRecordIsOlderThanTheTimeout() {
        consumer.accept(officers("c-1", 1), Topics.CONTRACTS);
        consumer.accept(officers("c-1", 3), Topics.CONTRACTS);
        consumer.accept(officers("c-1", 5), Topics.CONTRACTS);
        now = Instant.now().plus(TIMEOUT).plusSeconds(1);

        List<EventsRedeliveryRequested> sent = recovery.check();

        assertThat(sent).containsExactly(
                new EventsRedeliveryRequested(Topics.CONTRACTS, "c-1", 2, 5L, "gateway.dashboard"));
        IntegrationEvent<?> request = requests.get(0);
        assertThat(request.source()).isEqualTo("/gateway");
        assertThat(request.subject()).isEqualTo("c-1");
        assertThat(request.topic()).isEqualTo(Topics.REDELIVERY);
        assertThat(request.data()).isEqualTo(sent.get(0));
        assertThat(metrics.count("platform.events.recovery.requested", "consumer", "gateway.dashboard",
                "source", "/contract-service")).isEqualTo(1);
    }

    @Test
    void asksAgainOnlyOnceATimeoutHasPassedSinceItLastAsked() {
        consumer.accept(officers("c-1", 1), Topics.CONTRACTS);
        consumer.accept(officers("c-1", 3), Topics.CONTRACTS);
        now = Instant.now().plus(TIMEOUT).plusSeconds(1);

        assertThat(recovery.check()).hasSize(1);
        now = now.plus(TIMEOUT).minusSeconds(1);
        assertThat(recovery.check()).as("asked recently").isEmpty();
        now = now.plusSeconds(2);
        assertThat(recovery.check()).as("the request or its answer was lost: asked again").hasSize(1);

        assertThat(requests).hasSize(2);
        assertThat(metrics.count("platform.events.recovery.requested")).isEqualTo(2);
    }

    @Test
    void asksForEachHeldStreamOnItsOwn() {
        consumer.accept(officers("c-1", 2), Topics.CONTRACTS);
        consumer.accept(officers("c-2", 1), Topics.CONTRACTS);
        consumer.accept(officers("c-2", 4), Topics.CONTRACTS);
        consumer.accept(officers("c-3", 1), Topics.CONTRACTS);
        now = Instant.now().plus(TIMEOUT).plusSeconds(1);

        assertThat(recovery.check()).containsExactlyInAnyOrder(
                new EventsRedeliveryRequested(Topics.CONTRACTS, "c-1", 1, 2L, "gateway.dashboard"),
                new EventsRedeliveryRequested(Topics.CONTRACTS, "c-2", 2, 4L, "gateway.dashboard"));
    }

    @Test
    void asksAgainAtTheNextCheckWhenTheRequestCouldNotBePublished() {
        consumer.accept(officers("c-1", 1), Topics.CONTRACTS);
        consumer.accept(officers("c-1", 3), Topics.CONTRACTS);
        now = Instant.now().plus(TIMEOUT).plusSeconds(1);
        brokerDown = true;

        assertThat(recovery.check()).isEmpty();
        brokerDown = false;
        now = now.plusSeconds(1);

        assertThat(recovery.check()).hasSize(1);
        assertThat(metrics.count("platform.events.recovery.requested")).isEqualTo(1);
    }

    @Test
    void asksNothingOnceTheMissingEventsHaveArrived() {
        consumer.accept(officers("c-1", 1), Topics.CONTRACTS);
        consumer.accept(officers("c-1", 3), Topics.CONTRACTS);
        consumer.accept(officers("c-1", 2), Topics.CONTRACTS);
        now = Instant.now().plus(TIMEOUT).plusSeconds(1);

        assertThat(recovery.check()).isEmpty();
    }

    private static IntegrationEvent<ContractOfficersAssigned> officers(String contractId, long sequence) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), "/contract-service", contractId, Instant.now(),
                sequence, "officer.jones", "corr-1", new ContractOfficersAssigned(contractId, "Sam Jones", "Manager"));
    }
}
