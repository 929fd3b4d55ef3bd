package org.commissioning.gateway.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.platform.messaging.IntegrationEventCodec;

/** Contract events as contract-service publishes them, and a plain producer to put them on the topic. */
public final class ContractEvents {

    private static final IntegrationEventCodec CODEC = new IntegrationEventCodec();

    private ContractEvents() {
    }

    public static IntegrationEvent<ContractRegistered> registered(String contractId, String provider, String serviceArea,
                                                                  Lot lot, BigDecimal annualValueGbp) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), Context.CONTRACTS.source(), contractId,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), 1, "officer.jones", UUID.randomUUID().toString(),
                new ContractRegistered(contractId, provider, serviceArea, lot, annualValueGbp,
                        LocalDate.of(2018, 4, 1), LocalDate.of(2021, 3, 31)));
    }

    public static Lot district(String area, String district) {
        return new Lot("DISTRICT", List.of(area), List.of(district));
    }

    /** Sends each event as a record keyed by its contract id and waits until the broker has acknowledged it. */
    public static void send(String bootstrapServers, IntegrationEvent<?>... events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (IntegrationEvent<?> event : events) {
                producer.send(new ProducerRecord<>(Topics.CONTRACTS, event.subject().getBytes(StandardCharsets.UTF_8),
                        CODEC.encode(event))).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not send contract events", e);
        }
    }
}
