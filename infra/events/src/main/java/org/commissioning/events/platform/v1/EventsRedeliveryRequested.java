package org.commissioning.events.platform.v1;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A consumer asks the owner of {@code topic} to publish a contract's events again: it has held later events of
 * that stream for longer than its gap timeout, waiting for {@code fromSequence}. The owner publishes, out of its
 * own event store, the stream's events from {@code fromSequence} (to {@code toSequence}, when given) with their
 * original ids and sequences; every consumer drops those it already has. The CloudEvents {@code source} is the
 * service that asks (any service may), the {@code subject} and the record key the contract id, and the
 * {@code sequence} always 1: a request is not part of a stream.
 *
 * @param topic        the topic whose owner is asked, e.g. {@code contracts.events.v1}
 * @param subject      the stream's subject (the contract id), as on the events asked for
 * @param fromSequence the first sequence asked for, from 1
 * @param toSequence   the last sequence asked for; null for every event from {@code fromSequence} on
 * @param requestedBy  the consumer that asks, {@code <application>.<name>}
 */
@PublishedEvent(context = Context.PLATFORM, name = "EventsRedeliveryRequested", version = 1)
public record EventsRedeliveryRequested(
        String topic,
        String subject,
        long fromSequence,
        Long toSequence,
        String requestedBy) {
}
