package org.commissioning.platform.relay;

import java.util.List;

/**
 * What the relay holds back, as operators see it in {@code GET /actuator/relay} and in the {@code relay} health
 * component: the events parked, oldest first, and the contract streams they hold.
 *
 * @param parked  how many events are parked
 * @param streams the streams held, in the order they were first held
 * @param events  the parked events, oldest first
 */
public record RelayStatus(long parked, List<String> streams, List<ParkedEvents.Entry> events) {

    static RelayStatus of(List<ParkedEvents.Entry> entries) {
        return new RelayStatus(entries.size(), entries.stream().map(ParkedEvents.Entry::stream).distinct().toList(),
                List.copyOf(entries));
    }

    /** The event parked longest ago; the caller checks that any is parked. */
    ParkedEvents.Entry oldest() {
        return events.get(0);
    }
}
