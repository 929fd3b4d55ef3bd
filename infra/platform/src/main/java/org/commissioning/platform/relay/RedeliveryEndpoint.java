package org.commissioning.platform.relay;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.domain.RuleViolationException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/redelivery}, for operators: {@code POST {"topic": ..., "subject": ..., "fromSequence": "2",
 * "toSequence": "5"}} publishes a stream's events again from this service's event store, as a consumer's
 * {@code EventsRedeliveryRequested} does ({@link OutboxRelay#redeliver}); {@code toSequence} may be left out.
 */
@Endpoint(id = "redelivery")
@RequiredArgsConstructor
public class RedeliveryEndpoint {

    static final String RULE = "redelivery-request";

    private final OutboxRelay relay;

    /** Arguments come as strings, as every actuator argument does (the JSON body's values, or query parameters). */
    @WriteOperation
    public OutboxRelay.Redelivered redeliver(@Nullable String topic, @Nullable String subject,
                                             @Nullable String fromSequence, @Nullable String toSequence)
            throws InterruptedException {
        if (topic == null || topic.isBlank()) {
            throw new RuleViolationException(RULE, "topic", "topic is required: the topic whose events to publish again");
        }
        if (!relay.owns(topic)) {
            throw new RuleViolationException(RULE, "topic", "'" + topic + "' is not a topic this service publishes");
        }
        if (subject == null || subject.isBlank()) {
            throw new RuleViolationException(RULE, "subject", "subject is required: the contract id of the stream");
        }
        long from = sequence("fromSequence", fromSequence);
        Long to = toSequence == null || toSequence.isBlank() ? null : sequence("toSequence", toSequence);
        if (to != null && to < from) {
            throw new RuleViolationException(RULE, "toSequence", "toSequence must not be below fromSequence");
        }
        return relay.redeliver(topic, subject, from, to);
    }

    private static long sequence(String field, String value) {
        try {
            long sequence = Long.parseLong(value == null ? "" : value.strip());
            if (sequence >= 1) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new RuleViolationException(RULE, field, field + " must be a whole number from 1, as a string (\""
                + "2\"), was " + (value == null ? "missing" : "'" + value + "'"));
    }
}
