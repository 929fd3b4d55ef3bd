package org.commissioning.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A clock that counts how often the time was read: given to a scan that reads "today" once per run, it tells
 * whether that instance ran.
 */
public final class CountingClock extends Clock {

    private final Clock clock;
    private final AtomicInteger reads;

    public CountingClock(Clock clock) {
        this(clock, new AtomicInteger());
    }

    private CountingClock(Clock clock, AtomicInteger reads) {
        this.clock = clock;
        this.reads = reads;
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public Instant instant() {
        reads.incrementAndGet();
        return clock.instant();
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new CountingClock(clock.withZone(zone), reads);
    }
}
