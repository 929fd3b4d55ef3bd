package org.commissioning.embedded.mongo;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

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

    private final LongAdder servedByLookup;
    private final CursorReaper reaper;

    private IndexedH2Backend(MVStore store, LongAdder servedByLookup, Duration cursorTimeout) {
        super(store);
        this.servedByLookup = servedByLookup;
        this.reaper = new CursorReaper(getCursorRegistry(), cursorTimeout);
    }

    // H2Backend's constructor opens the databases already on disk before this class's fields are set
    private static final ThreadLocal<LongAdder> OPENING = new ThreadLocal<>();

    public static IndexedH2Backend inMemory(Duration cursorTimeout) {
        return open(MVStore.open(null), cursorTimeout);
    }

    public static IndexedH2Backend onDisk(String fileName, Duration cursorTimeout) {
        return open(MVStore.open(fileName), cursorTimeout);
    }

    private static IndexedH2Backend open(MVStore store, Duration cursorTimeout) {
        LongAdder servedByLookup = new LongAdder();
        OPENING.set(servedByLookup);
        try {
            return new IndexedH2Backend(store, servedByLookup, cursorTimeout);
        } finally {
            OPENING.remove();
        }
    }

    /** How many queries since start a lookup narrowed to the documents it names. */
    public long queriesServedByLookup() {
        return counter().sum();
    }

    /** Cursors open now. */
    public int openCursors() {
        return getCursorRegistry().size();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry(), counter(),
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

    private LongAdder counter() {
        return servedByLookup != null ? servedByLookup : OPENING.get();
    }
}
