package org.commissioning.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.commissioning.events.contracts.v1.ContractRegistered;

/** Every integration event type the platform publishes. A type missing here cannot be decoded by consumers. */
public final class PublishedLanguage {

    public static final List<EventType> ALL = List.of(
            EventType.of(ContractRegistered.class));

    private static final Map<String, EventType> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::qualifiedName, Function.identity()));

    private PublishedLanguage() {
    }

    public static Optional<EventType> find(String qualifiedName) {
        return Optional.ofNullable(BY_NAME.get(qualifiedName));
    }
}
