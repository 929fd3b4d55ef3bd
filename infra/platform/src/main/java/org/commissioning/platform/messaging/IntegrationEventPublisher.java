package org.commissioning.platform.messaging;

import org.commissioning.events.IntegrationEvent;

/** Publishes one integration event and returns only once the broker has acknowledged it (acks=all). */
public interface IntegrationEventPublisher {

    /** @throws PublishFailedException when the broker did not acknowledge the event */
    void publish(IntegrationEvent<?> event);
}
