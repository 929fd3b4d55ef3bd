package org.commissioning.contract.api;

import java.time.Instant;
import java.util.Map;

/**
 * One step of a contract's lifecycle: one stored event.
 *
 * @param sequence the event's sequence number in the contract's stream, from 0; the contract's version after it
 * @param type     the event's name, e.g. {@code ContractWarningIssued}
 * @param actor    who caused it ({@code X-Actor} of the request)
 * @param summary  what happened, in words
 * @param fields   the event's fields
 */
public record ContractHistoryEntry(
        String eventId,
        long sequence,
        String type,
        Instant time,
        String actor,
        String summary,
        Map<String, Object> fields) {
}
