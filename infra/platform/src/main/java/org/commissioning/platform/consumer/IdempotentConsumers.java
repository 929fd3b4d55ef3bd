package org.commissioning.platform.consumer;

import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.springframework.messaging.Message;

/**
 * Makes the Spring Cloud Stream consumer functions of a service. A service declares, for example:
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> contractEvents(IdempotentConsumers consumers, KnownContracts view) {
 *     return consumers.bind("contract-events", IntegrationEventHandlers.builder()
 *             .on(ContractRegistered.class, view::on)
 *             .build());
 * }
 * }</pre>
 * and binds {@code contractEvents-in-0} to {@code contracts.events.v1} with its application name as group.
 */
@RequiredArgsConstructor
public class IdempotentConsumers {

    private final String application;
    private final ConsumedEventStore store;
    private final IntegrationEventCodec codec;
    private final PlatformMetrics metrics;

    /** A consumer named {@code <application>.<name>}; the name keys its record of handled events. */
    public IdempotentConsumer create(String name, IntegrationEventHandlers handlers) {
        return new IdempotentConsumer(application + "." + name, store, codec, metrics, handlers);
    }

    public Consumer<Message<byte[]>> bind(String name, IntegrationEventHandlers handlers) {
        IdempotentConsumer consumer = create(name, handlers);
        return new BoundConsumer(consumer.name(), consumer.asMessageConsumer());
    }
}
