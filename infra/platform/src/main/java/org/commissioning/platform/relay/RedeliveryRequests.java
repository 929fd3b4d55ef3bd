package org.commissioning.platform.relay;

import java.util.function.Consumer;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.platform.v1.EventsRedeliveryRequested;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * The owner's side of gap recovery: reads {@code platform.redelivery.v1} (function {@code redeliveryRequests}) and
 * answers each {@link EventsRedeliveryRequested} for a topic this service owns by publishing the stream's events
 * again ({@link OutboxRelay#redeliver}). Requests for other services' topics, and malformed ones, are passed over.
 * A broker that stays unavailable makes the request fail, so the binder retries it.
 */
public class RedeliveryRequests {

    private static final Logger log = LoggerFactory.getLogger(RedeliveryRequests.class);

    private final OutboxRelay relay;
    private final IntegrationEventCodec codec;

    public RedeliveryRequests(OutboxRelay relay, IntegrationEventCodec codec) {
        this.relay = relay;
        this.codec = codec;
    }

    public Consumer<Message<byte[]>> asMessageConsumer() {
        return message -> accept(codec.decode(message.getPayload()));
    }

    /** @return what was published again; null when the request was not for this service or not valid */
    public OutboxRelay.Redelivered accept(IntegrationEvent<?> event) {
        if (!(event.data() instanceof EventsRedeliveryRequested request) || !relay.owns(request.topic())) {
            return null;
        }
        if (request.subject() == null || request.subject().isBlank() || request.fromSequence() < 1
                || (request.toSequence() != null && request.toSequence() < request.fromSequence())) {
            log.warn("Passed over the malformed redelivery request {} from {}: {}", event.id(), event.source(), request);
            return null;
        }
        log.info("{} ({}) asks for sequences {} to {} of contract {} on {}", request.requestedBy(), event.source(),
                request.fromSequence(), request.toSequence() == null ? "the end" : request.toSequence(),
                request.subject(), request.topic());
        try {
            return relay.redeliver(request.topic(), request.subject(), request.fromSequence(), request.toSequence());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while answering redelivery request " + event.id(), e);
        }
    }
}
