package org.commissioning.platform.relay;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;

/**
 * A service's mapping from its private stored events to the published language.
 * Stored events without a published counterpart map to {@link Optional#empty()}.
 */
public interface IntegrationEventTranslator {

    Optional<Outgoing> translate(EventMessage<?> stored);

    /**
     * @param subject the contract the event is about: the CloudEvents subject and the Kafka key
     * @param payload a record annotated with {@link org.commissioning.events.PublishedEvent}
     */
    record Outgoing(String subject, Object payload) {
    }
}
