package org.commissioning.platform.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * Stored in the service's event store when an operator discards dead letters (an event of no aggregate, which no
 * projection, the relay nor the history chain handles): the audit trail's copy beside {@code deadletter_audit}.
 */
public record DeadLettersDiscardedEvent(String group, String sequence, List<String> eventIds, String reason,
                                        String actor, Instant discardedAt) {
}
