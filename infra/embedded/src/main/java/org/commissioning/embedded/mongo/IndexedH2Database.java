package org.commissioning.embedded.mongo;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.UniqueIndexes;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/** An H2 database whose collections are {@link IndexedH2Collection}s. */
final class IndexedH2Database extends H2Database {

    /** Told of every cursor a query opens, with the collection's full name. */
    interface CursorOpened {
        void opened(long cursorId, String namespace);
    }

    private record Opening(MVStore store, QueryStats stats, CursorOpened cursorOpened) {
    }

    // H2Database's constructor opens the collections already on disk before this class's fields are set
    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

    private final Opening opened;

    private IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, store, cursors);
        this.opened = OPENING.get();
    }

    static IndexedH2Database open(String databaseName, MVStore store, CursorRegistry cursors,
                                  QueryStats stats, CursorOpened cursorOpened) {
        OPENING.set(new Opening(store, stats, cursorOpened));
        try {
            return new IndexedH2Database(databaseName, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    /**
     * An aggregation whose first stage is {@code $match} (the driver's {@code countDocuments} is one) starts from the
     * documents a lookup names for it, not from every document: upstream reads the whole collection first.
     */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                  Oplog oplog) {
        if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collectionName
                && query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                && pipeline.get(0) instanceof Document first && first.size() == 1
                && first.get("$match") instanceof Document match
                && resolveCollection(collectionName, false) instanceof IndexedH2Collection collection) {
            long started = System.nanoTime();
            Document result = collection.aggregating(match,
                    () -> super.handleCommand(channel, command, query, resolver, oplog));
            opened().stats().slowOperations.observe(collection.getFullName(), "aggregate", match, null,
                    () -> "aggregation of " + pipeline.size() + " stages", System.nanoTime() - started);
            return result;
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    private Opening opened() {
        return opened != null ? opened : OPENING.get();
    }

    /**
     * A unique index on a map whose keys compare value by value ({@link KeyValueType}), under a name of its own. A map
     * of upstream's, from a file written before, is dropped: the index starts empty, and the collection fills it from
     * its documents as it opens.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVStore store = opened().store();
        String upstreams = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        if (store.hasMap(upstreams)) {
            store.removeMap(upstreams);
        }
        MVMap<KeyValue, Object> map = store.openMap(mapNameForIndex(collectionName, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
        return UniqueIndexes.on(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        opened().store().removeMap(mapNameForIndex(collection.getCollectionName(), indexName));
    }

    private String mapNameForIndex(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._keyed_index_" + indexName;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        Opening opening = opened();
        String fullName = getFullCollectionNamespace(collectionName);
        // the same map names as H2Database's, so a file written by either opens with the other
        MVMap<Object, Document> dataMap = opening.store().openMap("databases." + fullName);
        MVMap<String, Object> metaMap = opening.store().openMap("meta." + fullName);
        return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry,
                opening.stats(), opening.cursorOpened());
    }
}
