package org.commissioning.platform.relay;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.domain.RuleViolationException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/redelivery}, for operators: {@code POST {"topic": ..., "subject": ..., "fromSequence": n,
 * "toSequence": m}} publishes a stream's events again from this service's event store, as a consumer's
 * {@code EventsRedeliveryRequested} does ({@link OutboxRelay#redeliver}); {@code toSequence} may be left out.
 */
@Endpoint(id = "redelivery")
@RequiredArgsConstructor
public class RedeliveryEndpoint {

    static final String RULE = "redelivery-request";

    private final OutboxRelay relay;

    @WriteOperation
    public OutboxRelay.Redelivered redeliver(@Nullable String topic, @Nullable String subject,
                                             @Nullable Long fromSequence, @Nullable Long toSequence)
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
        if (fromSequence == null || fromSequence < 1) {
            throw new RuleViolationException(RULE, "fromSequence", "fromSequence must be a whole number from 1");
        }
        if (toSequence != null && toSequence < fromSequence) {
            throw new RuleViolationException(RULE, "toSequence", "toSequence must not be below fromSequence");
        }
        return relay.redeliver(topic, subject, fromSequence, toSequence);
    }
}
