package org.commissioning.embedded.mongo;

import java.util.concurrent.atomic.LongAdder;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server's H2 backend whose collections answer a query on the leading field of any declared index
 * (unique or not) from an ordered in-memory lookup instead of reading every document: upstream serves only exact
 * matches on all the keys of a unique index, so the event store's queries (an aggregate's events from a sequence
 * number on, tracked events from a timestamp on) read the whole event collection under its lock.
 */
public final class IndexedH2Backend extends H2Backend {

    private final LongAdder servedByLookup;

    private IndexedH2Backend(MVStore store, LongAdder servedByLookup) {
        super(store);
        this.servedByLookup = servedByLookup;
    }

    // H2Backend's constructor opens the databases already on disk before this class's fields are set
    private static final ThreadLocal<LongAdder> OPENING = new ThreadLocal<>();

    public static IndexedH2Backend inMemory() {
        return open(MVStore.open(null));
    }

    public static IndexedH2Backend onDisk(String fileName) {
        return open(MVStore.open(fileName));
    }

    private static IndexedH2Backend open(MVStore store) {
        LongAdder servedByLookup = new LongAdder();
        OPENING.set(servedByLookup);
        try {
            return new IndexedH2Backend(store, servedByLookup);
        } finally {
            OPENING.remove();
        }
    }

    /** How many queries since start a lookup narrowed to the documents it names. */
    public long queriesServedByLookup() {
        return counter().sum();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry(), counter());
    }

    private LongAdder counter() {
        return servedByLookup != null ? servedByLookup : OPENING.get();
    }
}
