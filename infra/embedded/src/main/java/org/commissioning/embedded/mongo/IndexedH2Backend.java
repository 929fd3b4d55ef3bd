package org.commissioning.embedded.mongo;

import java.time.Duration;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 backend whose collections answer a query on the leading field of any declared index
 * (unique or not) from an ordered in-memory lookup instead of reading every document: upstream serves only exact
 * matches on all the keys of a unique index, so the event store's queries (an aggregate's events from a sequence
 * number on, tracked events from a timestamp on) read the whole event collection under its lock.
 */
public final class IndexedH2Backend extends H2Backend {

    /** How long a cursor may wait for its next read before it is closed: MongoDB's default. */
    public static final Duration CURSOR_TIMEOUT = Duration.ofMinutes(10);

    private final QueryStats stats;
    private final CursorReaper reaper;

    private IndexedH2Backend(MVStore store, QueryStats stats, Duration cursorTimeout) {
        super(store);
        this.stats = stats;
        this.reaper = new CursorReaper(getCursorRegistry(), cursorTimeout);
    }

    // H2Backend's constructor opens the databases already on disk before this class's fields are set
    private static final ThreadLocal<QueryStats> OPENING = new ThreadLocal<>();

    public static IndexedH2Backend inMemory(Duration cursorTimeout) {
        return open(MVStore.open(null), cursorTimeout);
    }

    public static IndexedH2Backend onDisk(String fileName, Duration cursorTimeout) {
        return open(MVStore.open(fileName), cursorTimeout);
    }

    private static IndexedH2Backend open(MVStore store, Duration cursorTimeout) {
        QueryStats stats = new QueryStats();
        OPENING.set(stats);
        try {
            return new IndexedH2Backend(store, stats, cursorTimeout);
        } finally {
            OPENING.remove();
        }
    }

    /** How many queries since start a lookup narrowed to the documents it names. */
    public long queriesServedByLookup() {
        return stats().servedByLookup.sum();
    }

    /** How many documents the queries a lookup served have read since start. */
    public long documentsReadByLookup() {
        return stats().documentsReadByLookup.sum();
    }

    /** Cursors open now. */
    public int openCursors() {
        return getCursorRegistry().size();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry(), stats(),
                this::cursorOpened);
    }

    // H2Backend's constructor opens the databases on disk, and reads them, before the reaper is set
    private void cursorOpened(long cursorId, String namespace) {
        if (reaper != null) {
            reaper.opened(cursorId, namespace);
        }
    }

    @Override
    protected Document handleGetMore(String databaseName, String command, Document query) {
        if (query.get(command) instanceof Number cursorId) {
            reaper.used(cursorId.longValue());
        }
        return super.handleGetMore(databaseName, command, query);
    }

    @Override
    public void close() {
        reaper.close();
        super.close();
    }

    private QueryStats stats() {
        return stats != null ? stats : OPENING.get();
    }
}
