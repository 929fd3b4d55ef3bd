package org.commissioning.embedded.mongo;

import java.util.concurrent.atomic.LongAdder;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/** An H2 database whose collections are {@link IndexedH2Collection}s. */
final class IndexedH2Database extends H2Database {

    /** Told of every cursor a query opens, with the collection's full name. */
    interface CursorOpened {
        void opened(long cursorId, String namespace);
    }

    private record Opening(MVStore store, LongAdder servedByLookup, CursorOpened cursorOpened) {
    }

    // H2Database's constructor opens the collections already on disk before this class's fields are set
    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

    private final Opening opened;

    private IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, store, cursors);
        this.opened = OPENING.get();
    }

    static IndexedH2Database open(String databaseName, MVStore store, CursorRegistry cursors,
                                  LongAdder servedByLookup, CursorOpened cursorOpened) {
        OPENING.set(new Opening(store, servedByLookup, cursorOpened));
        try {
            return new IndexedH2Database(databaseName, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        Opening opening = opened != null ? opened : OPENING.get();
        String fullName = getFullCollectionNamespace(collectionName);
        // the same map names as H2Database's, so a file written by either opens with the other
        MVMap<Object, Document> dataMap = opening.store().openMap("databases." + fullName);
        MVMap<String, Object> metaMap = opening.store().openMap("meta." + fullName);
        return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry,
                opening.servedByLookup(), opening.cursorOpened());
    }
}
