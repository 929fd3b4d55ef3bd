package org.commissioning.embedded.mongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection that keeps, for the leading field of each of its indexes, an ordered lookup from value to the
 * documents holding it, built on the first query that can use it and kept up to date on every write after. A
 * query no index of upstream's can serve, with a condition on such a field, reads only the documents the lookup
 * names (a superset, which the query's own filter then narrows), in the order a full scan would have read them.
 */
final class IndexedH2Collection extends H2Collection {

    private static final String ID = "_id";

    private final MVMap<Object, Document> dataMap;
    private final LongAdder servedByLookup;
    private final IndexedH2Database.CursorOpened cursorOpened;
    private final Map<String, FieldLookup> lookups = new HashMap<>();

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors,
                        LongAdder servedByLookup, IndexedH2Database.CursorOpened cursorOpened) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
        this.dataMap = dataMap;
        this.servedByLookup = servedByLookup;
        this.cursorOpened = cursorOpened;
    }

    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        QueryResult result = super.createQueryResult(matchedDocuments, batchSize);
        cursorOpened.opened(result.getCursorId(), getFullName());
        return result;
    }

    @Override
    protected synchronized QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                                      int batchSize, Document fieldSelector) {
        List<Index<Object>> indexes = getIndexes();
        if (query == null || orderBy != null && orderBy.containsKey("$natural") || indexes.stream().anyMatch(index -> index.canHandle(query))) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        for (String field : leadingFields(indexes)) {
            FieldLookup.Condition condition = FieldLookup.conditionOn(field, query);
            if (condition != null) {
                Set<Object> positions = lookup(field).positions(condition);
                List<Object> inScanOrder = new ArrayList<>(positions);
                inScanOrder.sort(dataMap.getKeyType());
                servedByLookup.increment();
                return matchDocuments(query, inScanOrder, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    private static List<String> leadingFields(List<Index<Object>> indexes) {
        return indexes.stream().map(Index::getKeys).filter(keys -> !keys.isEmpty()).map(keys -> keys.get(0))
                .map(IndexKey::getKey).filter(field -> !field.equals(ID) && !field.contains(".")).distinct()
                .toList();
    }

    private FieldLookup lookup(String field) {
        return lookups.computeIfAbsent(field, f -> {
            FieldLookup built = new FieldLookup(f);
            streamAllDocumentsWithPosition().forEach(d -> built.add(d.getDocument(), d.getPosition()));
            return built;
        });
    }

    @Override
    protected synchronized Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        lookups.values().forEach(lookup -> lookup.add(document, position));
        return position;
    }

    @Override
    protected synchronized void removeDocument(Object position) {
        Document removed = getDocument(position);
        super.removeDocument(position);
        if (removed != null) {
            lookups.values().forEach(lookup -> lookup.remove(removed, position));
        }
    }

    @Override
    protected synchronized void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        lookups.values().forEach(lookup -> {
            lookup.remove(oldDocument, position);
            lookup.add(newDocument, position);
        });
    }
}
