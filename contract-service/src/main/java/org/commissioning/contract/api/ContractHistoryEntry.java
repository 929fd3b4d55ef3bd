package org.commissioning.contract.api;

import java.time.Instant;
import java.util.Map;

/**
 * One step of a contract's lifecycle: one stored event.
 *
 * @param sequence the event's sequence number in the contract's stream, from 0; the contract's version after it
 * @param type     the event's name, e.g. {@code ContractWarningIssued}
 * @param actor    who caused it: the caller, or {@code system} for what the service did by itself or because of
 *                 another service's event
 * @param causedBy of an entry caused by another service's event, the actor who started that chain; else absent
 * @param summary  what happened, in words
 * @param fields   the event's fields
 */
public record ContractHistoryEntry(
        String eventId,
        long sequence,
        String type,
        Instant time,
        String actor,
        String causedBy,
        String summary,
        Map<String, Object> fields) {
}
