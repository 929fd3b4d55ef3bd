package org.commissioning.platform.consumer;

import java.util.function.Consumer;

import org.springframework.messaging.Message;

/**
 * The function a binding calls, applying each record through the {@link IdempotentConsumer} it names (so an operator
 * re-applying a dead-lettered record goes the same way and can ask that consumer whether it was applied).
 */
public record BoundConsumer(String consumerName, Consumer<Message<byte[]>> delegate)
        implements Consumer<Message<byte[]>> {

    @Override
    public void accept(Message<byte[]> message) {
        delegate.accept(message);
    }
}
