package org.commissioning.platform.redelivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractOfficersAssigned;
import org.commissioning.platform.causation.CausationTestApplication;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.commissioning.platform.messaging.StreamBridgeIntegrationEventPublisher;
import org.commissioning.platform.relay.IntegrationEventTranslator;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

/**
 * One service in both roles of gap recovery, on real Kafka: as owner it stores notes (Axon on MongoDB) and its relay
 * publishes each as contract-service's {@code ContractOfficersAssigned} of the note's stream; as consumer it applies
 * {@code contracts.events.v1} through an idempotent consumer ({@code redelivery-test.notes}) that counts what it
 * handles. Its publisher can lose a record on the way: the broker never gets it, yet the relay takes it as sent.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CausationTestApplication.Note.class)
public class RedeliveryTestApplication {

    /** The publisher every event goes through, which loses the records it was told to lose, once each. */
    public static class LosingPublisher implements IntegrationEventPublisher {

        private final IntegrationEventPublisher broker;
        private final Set<String> toLose = ConcurrentHashMap.newKeySet();

        LosingPublisher(IntegrationEventPublisher broker) {
            this.broker = broker;
        }

        /** The next publish of this stream's sequence is lost. */
        public void loseOnce(String subject, long sequence) {
            toLose.add(subject + "#" + sequence);
        }

        @Override
        public void publish(IntegrationEvent<?> event) {
            if (!toLose.remove(event.subject() + "#" + event.sequence())) {
                broker.publish(event);
            }
        }
    }

    /** The sequences the consumer's handler was called with, per contract, in the order it was called. */
    public static class Handled {

        private final Map<String, List<Long>> sequences = new ConcurrentHashMap<>();

        void add(String subject, long sequence) {
            sequences.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>()).add(sequence);
        }

        public List<Long> of(String subject) {
            return sequences.getOrDefault(subject, List.of());
        }
    }

    @Bean
    LosingPublisher losingPublisher(StreamBridge streamBridge, IntegrationEventCodec codec) {
        return new LosingPublisher(new StreamBridgeIntegrationEventPublisher(streamBridge, codec));
    }

    @Bean
    IntegrationEventTranslator noteTranslator() {
        return CausationTestApplication.notesAsOfficers();
    }

    @Bean
    Handled handled() {
        return new Handled();
    }

    @Bean
    Consumer<Message<byte[]>> notes(IdempotentConsumers consumers, Handled handled) {
        return consumers.bind("notes", IntegrationEventHandlers.builder()
                .on(ContractOfficersAssigned.class, (event, officers) -> handled.add(event.subject(), event.sequence()))
                .build());
    }
}
