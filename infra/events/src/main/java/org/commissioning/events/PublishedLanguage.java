package org.commissioning.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.commissioning.events.contracts.v1.ContractsV1;
import org.commissioning.events.deepdives.v1.DeepdivesV1;
import org.commissioning.events.kpi.v1.KpiV1;
import org.commissioning.events.platform.v1.PlatformV1;
import org.commissioning.events.ratings.v1.RatingsV1;

/**
 * Every integration event type the platform publishes. A type missing here cannot be decoded by consumers.
 * Each context lists its own types (e.g. {@link ContractsV1#TYPES}).
 */
public final class PublishedLanguage {

    public static final List<EventType> ALL = Stream.of(ContractsV1.TYPES, KpiV1.TYPES, RatingsV1.TYPES, DeepdivesV1.TYPES,
                    PlatformV1.TYPES)
            .flatMap(List::stream)
            .map(EventType::of)
            .toList();

    private static final Map<String, EventType> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::qualifiedName, Function.identity()));

    private PublishedLanguage() {
    }

    public static Optional<EventType> find(String qualifiedName) {
        return Optional.ofNullable(BY_NAME.get(qualifiedName));
    }
}
