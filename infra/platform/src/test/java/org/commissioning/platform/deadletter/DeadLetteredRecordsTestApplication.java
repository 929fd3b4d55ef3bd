package org.commissioning.platform.deadletter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.commissioning.events.contracts.v1.ContractOfficersAssigned;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/**
 * A service consuming {@code contracts.events.v1} through an idempotent consumer ({@code dlt-test.officers}) whose
 * handler fails while the officers' register it writes to is unavailable.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DeadLetteredRecordsTestApplication {

    /** The register the handler writes to: the sequences applied per contract, unless it is unavailable. */
    public static class OfficersRegister {

        volatile boolean available;
        private final Map<String, List<Long>> applied = new ConcurrentHashMap<>();

        void apply(String contract, long sequence) {
            if (!available) {
                throw new IllegalStateException("officers' register unavailable for contract " + contract);
            }
            applied.computeIfAbsent(contract, c -> new CopyOnWriteArrayList<>()).add(sequence);
        }

        List<Long> appliedTo(String contract) {
            return applied.getOrDefault(contract, List.of());
        }
    }

    @Bean
    OfficersRegister officersRegister() {
        return new OfficersRegister();
    }

    @Bean
    Consumer<Message<byte[]>> officerEvents(IdempotentConsumers consumers, OfficersRegister register) {
        return consumers.bind("officers", IntegrationEventHandlers.builder()
                .on(ContractOfficersAssigned.class, (event, assigned) -> register.apply(event.subject(),
                        event.sequence()))
                .build());
    }
}
