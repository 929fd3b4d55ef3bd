package org.commissioning.platform.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

/**
 * Reading a record as it stood at an instant ({@code asOf}), judged by the stored events' timestamps (when the
 * event store recorded them), not by the business dates they carry.
 */
public final class AsOf {

    /** The request parameter, named by the problem that refuses it. */
    public static final String PARAMETER = "asOf";
    /** A malformed {@code asOf}. */
    public static final String MALFORMED = "instant";
    /** An {@code asOf} after the event store's present. */
    public static final String IN_FUTURE = "as-of-in-future";

    /** Axon's own: the id of the command whose handling stored the event, shared by every event it stored. */
    public static final String COMMAND = "correlationId";

    private AsOf() {
    }

    /**
     * The instant {@code text} names (ISO-8601, e.g. {@code 2018-05-16T10:00:00Z}), or null for now when there is
     * none; 400 {@value #MALFORMED} when it is not one and 400 {@value #IN_FUTURE} when it lies after now by the
     * event store's clock, each naming {@value #PARAMETER}.
     */
    public static Instant parse(String text) {
        return parse(text, GenericEventMessage.clock);
    }

    /** {@link #parse(String)} judged by {@code clock} (a service without Axon: the gateway). */
    public static Instant parse(String text, Clock clock) {
        if (text == null) {
            return null;
        }
        Instant asOf;
        try {
            asOf = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new RuleViolationException(MALFORMED, PARAMETER, "asOf is an instant, e.g. 2018-05-16T10:00:00Z");
        }
        Instant now = clock.instant();
        if (asOf.isAfter(now)) {
            throw new RuleViolationException(IN_FUTURE, PARAMETER, "asOf " + asOf
                    + " is in the future; the record is known only up to now (" + now + ")");
        }
        return asOf;
    }

    /** {@link #parse(String, Clock)}, or now by {@code clock} truncated to the second when there is no instant. */
    public static Instant parseOrNow(String text, Clock clock) {
        Instant asOf = parse(text, clock);
        return asOf != null ? asOf : clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The events of {@code stream} as the store held them at {@code asOf} (all of them for null): the stream up to
     * the first command stored after {@code asOf}. A command's events are taken or left together, so a state is never
     * read half-way through a change (the events of one command carry the same command id; an event without one is
     * a command of its own).
     */
    public static List<DomainEventMessage<?>> of(DomainEventStream stream, Instant asOf) {
        return prefix(stream, DomainEventMessage::getTimestamp, event -> event.getMetaData().get(COMMAND), asOf);
    }

    /**
     * The rule of {@link #of(DomainEventStream, Instant)} over events in any form (e.g. as stored documents): the
     * events up to the first command stored after {@code asOf}, given each event's stored time and command id
     * (null: a command of its own).
     */
    public static <E> List<E> prefix(Iterator<? extends E> stream, Function<? super E, Instant> storedAt,
                                     Function<? super E, ?> commandOf, Instant asOf) {
        List<E> events = new ArrayList<>();
        Object command = null;
        while (stream.hasNext()) {
            E event = stream.next();
            Object commandOfEvent = commandOf.apply(event);
            boolean sameCommand = command != null && Objects.equals(command, commandOfEvent);
            if (asOf != null && !sameCommand && storedAt.apply(event).isAfter(asOf)) {
                break;
            }
            command = commandOfEvent;
            events.add(event);
        }
        return events;
    }
}
