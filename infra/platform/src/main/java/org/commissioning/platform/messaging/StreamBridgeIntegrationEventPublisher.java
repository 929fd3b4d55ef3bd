package org.commissioning.platform.messaging;

import java.nio.charset.StandardCharsets;

import lombok.RequiredArgsConstructor;
import org.commissioning.events.IntegrationEvent;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends through Spring Cloud Stream to the topic of the event's context. The output bindings are
 * synchronous with acks=all (platform defaults), so a send that returns has been acknowledged.
 * The key is the contract id as bytes, which the binder's default byte-array key serializer writes as is.
 */
@RequiredArgsConstructor
public class StreamBridgeIntegrationEventPublisher implements IntegrationEventPublisher {

    private final StreamBridge streamBridge;
    private final IntegrationEventCodec codec;

    @Override
    public void publish(IntegrationEvent<?> event) {
        // an event that cannot be encoded throws EventEncodingException, which the relay parks instead of retrying
        Message<byte[]> message = MessageBuilder.withPayload(codec.encode(event))
                .setHeader(KafkaHeaders.KEY, event.subject().getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, IntegrationEvent.CONTENT_TYPE)
                .setHeader("ce_id", event.id())
                .setHeader("ce_type", event.type())
                .build();
        boolean sent;
        try {
            sent = streamBridge.send(bindingName(event.topic()), message);
        } catch (RuntimeException e) {
            throw new PublishFailedException("Broker did not acknowledge " + event.type() + " " + event.id(), e);
        }
        if (!sent) {
            throw new PublishFailedException("Broker did not acknowledge " + event.type() + " " + event.id(), null);
        }
    }

    /**
     * The output binding of a topic, its name without the version: {@code contracts.events.v1} is sent through
     * {@code contracts-events-out}, {@code platform.redelivery.v1} through {@code platform-redelivery-out}.
     */
    public static String bindingName(String topic) {
        return topic.substring(0, topic.lastIndexOf('.')).replace('.', '-') + "-out";
    }
}
