package org.commissioning.platform.deadletter;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A processing group's queue that counts and logs each letter enqueued (failed, or queued behind one that did). */
class ObservedDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ObservedDeadLetterQueue.class);

    private final String group;
    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final PlatformMetrics metrics;

    ObservedDeadLetterQueue(String group, SequencedDeadLetterQueue<EventMessage<?>> delegate, PlatformMetrics metrics) {
        this.group = group;
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        delegate.enqueue(sequenceIdentifier, letter);
        metrics.deadLetters(group, "enqueued", 1);
        letter.cause().ifPresentOrElse(
                cause -> log.error("Dead-lettered event {} ({}) of sequence {} in processing group {}: {}: {}",
                        letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                        sequenceIdentifier, group, cause.type(), cause.message()),
                () -> log.warn("Event {} ({}) queued behind the dead letters of sequence {} in processing group {}",
                        letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                        sequenceIdentifier, group));
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        if (!contains(sequenceIdentifier)) {
            return false;
        }
        enqueue(sequenceIdentifier, letterBuilder.get());
        return true;
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return delegate.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        return delegate.process(sequenceFilter, task);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
