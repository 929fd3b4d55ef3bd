package org.commissioning.embedded.mongo;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** What the server's lookups served and read, and its log of slow operations. */
final class QueryStats {

    /** An operation slower than this is logged: MongoDB's own slow-operation threshold ({@code slowms}). */
    static final Duration SLOW = Duration.ofMillis(100);

    final LongAdder servedByLookup = new LongAdder();
    final LongAdder documentsReadByLookup = new LongAdder();
    final SlowOperations slowOperations = new SlowOperations(SLOW, Duration.ofMinutes(1));
}
