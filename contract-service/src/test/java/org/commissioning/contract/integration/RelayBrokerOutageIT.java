package org.commissioning.contract.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.platform.consumer.ConsumedEventStore;
import org.commissioning.platform.consumer.IdempotentConsumer;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.commissioning.platform.relay.OutboxLedger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The broker goes away, a contract is registered, the broker comes back: the event is published once the
 * broker is back, and a downstream idempotent consumer handles it exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.relay.backoff=200ms", "platform.relay.attempts=2"})
class RelayBrokerOutageIT extends RelayITs {

    @Autowired
    OutboxLedger ledger;

    @Test
    void publishesAnEventStoredWhileTheBrokerWasDownExactlyOnceDownstream() throws Exception {
        String warmUp = register("Canterbury Academy", "Canterbury");
        assertThat(onTopic(warmUp, 1, Duration.ofSeconds(30))).hasSize(1);

        KAFKA.stop();
        String id = register("Sk8side", "Ashford");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ledger.unpublished()).isEqualTo(1);
            assertThat(metrics.count("platform.relay.failures")).isPositive();
        });

        KAFKA.start();

        List<ConsumerRecord<byte[], byte[]>> records = onTopic(id, 1, Duration.ofSeconds(120));
        assertThat(records).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.unpublished() == 0);

        AtomicInteger handled = new AtomicInteger();
        IdempotentConsumer downstream = new IdempotentConsumer("downstream-test", new ConsumedEventStore(mongo), codec,
                metrics, IntegrationEventHandlers.builder()
                .on(ContractRegistered.class, (event, data) -> handled.incrementAndGet())
                .build());
        records.forEach(r -> downstream.accept(codec.decode(r.value())));
        records.forEach(r -> downstream.accept(codec.decode(r.value())));

        assertThat(handled).hasValue(1);
        assertThat(codec.decode(records.get(0).value()).sequence()).isEqualTo(1);
    }
}
