package org.commissioning.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.platform.messaging.IntegrationEventCodec;

/** Puts integration events on a topic as a publishing service does: encoded by the platform's codec, keyed by subject. */
public final class EventSender {

    private static final IntegrationEventCodec CODEC = new IntegrationEventCodec();

    private EventSender() {
    }

    /**
     * Sends each event, in order, as a record keyed by its subject (the contract id) and waits until the broker has
     * acknowledged it ({@code acks=all}).
     */
    public static void send(String bootstrapServers, String topic, IntegrationEvent<?>... events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (IntegrationEvent<?> event : events) {
                send(producer, topic, event);
            }
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, IntegrationEvent<?> event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.subject().getBytes(StandardCharsets.UTF_8),
                    CODEC.encode(event))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + event.id() + " to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + event.id() + " to " + topic, e);
        }
    }
}
