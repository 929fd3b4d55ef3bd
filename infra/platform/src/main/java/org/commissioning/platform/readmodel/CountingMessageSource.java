package org.commissioning.platform.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as a rebuild's processor reads it, counting each event once (an event read again after the
 * processor reopened its stream is not counted twice), whether or not the projection handles it.
 */
final class CountingMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final AtomicLong count = new AtomicLong();
    private volatile TrackingToken counted;

    CountingMessageSource(StreamableMessageSource<TrackedEventMessage<?>> delegate) {
        this.delegate = delegate;
    }

    long count() {
        return count.get();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = delegate.openStream(trackingToken);
        return new BlockingStream<>() {
            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return stream.peek();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                return stream.hasNextAvailable(timeout, unit);
            }

            @Override
            public boolean hasNextAvailable() {
                return stream.hasNextAvailable();
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                TrackedEventMessage<?> next = stream.nextAvailable();
                count(next.trackingToken());
                return next;
            }

            @Override
            public void close() {
                stream.close();
            }

            @Override
            public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
                stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
            }

            @Override
            public boolean setOnAvailableCallback(Runnable callback) {
                return stream.setOnAvailableCallback(callback);
            }
        };
    }

    private synchronized void count(TrackingToken token) {
        TrackingToken before = counted;
        if (token == null || before == null || !before.covers(token)) {
            count.incrementAndGet();
        }
        counted = before == null || token == null ? token : before.upperBound(token);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }
}
