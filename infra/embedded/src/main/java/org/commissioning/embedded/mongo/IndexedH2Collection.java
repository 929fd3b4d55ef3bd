package org.commissioning.embedded.mongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
 * An H2 collection that keeps, for each field of its indexes, an ordered lookup from value to the documents holding
 * it, built on the first query that can use it and kept up to date on every write after. A query no index of
 * upstream's can serve, with a condition on such a field, reads only the documents the lookup of its most selective
 * condition names (a superset, which the query's own filter then narrows). A query sorted first by that field and
 * limited reads the lookup in sort order and stops once it has enough: a tracking processor reading the next batch
 * of events after its token reads that batch, not every event after it.
 */
final class IndexedH2Collection extends H2Collection {

    private static final String ID = "_id";
    // the aggregation that is about to read this collection, on this thread: its $match
    private static final ThreadLocal<Aggregating> AGGREGATING = new ThreadLocal<>();

    private final MVMap<Object, Document> dataMap;
    private final LongAdder servedByLookup;
    private final LongAdder documentsRead;
    private final SlowOperations slowOperations;
    private final IndexedH2Database.CursorOpened cursorOpened;
    private final Map<String, FieldLookup> lookups = new HashMap<>();

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors,
                        QueryStats stats, IndexedH2Database.CursorOpened cursorOpened) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
        this.dataMap = dataMap;
        this.servedByLookup = stats.servedByLookup;
        this.documentsRead = stats.documentsReadByLookup;
        this.slowOperations = stats.slowOperations;
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
        long started = System.nanoTime();
        boolean byIndex = query != null && getIndexes().stream().anyMatch(index -> index.canHandle(query));
        Plan plan = query == null || byIndex || orderBy != null && orderBy.containsKey("$natural") ? null
                : plan(query);
        QueryResult result;
        Supplier<String> how;
        if (plan == null) {
            how = () -> byIndex ? "unique index" : "scan of " + count() + " documents";
            result = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        } else {
            servedByLookup.increment();
            List<Document> candidates = candidates(plan, query, orderBy, numberToSkip, limit);
            how = () -> "lookup on " + plan.field() + " read " + candidates.size() + " documents";
            result = matchDocumentsFromStream(candidates.stream(), query, orderBy, numberToSkip, limit, batchSize,
                    fieldSelector);
        }
        slowOperations.observe(getFullName(), "query", query, orderBy, how, System.nanoTime() - started);
        return result;
    }

    /**
     * The documents of this collection an aggregation whose first stage is {@code $match} by {@code match} can
     * start from: those a lookup names for it (a superset, which the stage narrows), or every document.
     */
    synchronized Stream<Document> aggregationSource(Document match) {
        Plan plan = match == null ? null : plan(match);
        if (plan == null) {
            return super.queryAllAsStream();
        }
        servedByLookup.increment();
        return candidates(plan, null, null, 0, 0).stream();
    }

    /**
     * Runs {@code aggregation} with this collection's documents, when it reads them, narrowed to those a lookup
     * names for {@code match}, the aggregation's first stage.
     */
    <T> T aggregating(Document match, Supplier<T> aggregation) {
        AGGREGATING.set(new Aggregating(this, match));
        try {
            return aggregation.get();
        } finally {
            AGGREGATING.remove();
        }
    }

    @Override
    public Stream<Document> queryAllAsStream() {
        Aggregating aggregating = AGGREGATING.get();
        if (aggregating != null && aggregating.collection() == this) {
            AGGREGATING.remove();
            return aggregationSource(aggregating.match());
        }
        return super.queryAllAsStream();
    }

    /** The condition on an indexed field that names the fewest documents, or null when the query puts none. */
    private Plan plan(Document query) {
        Plan byId = byId(query);
        if (byId != null) {
            return byId;
        }
        Plan best = null;
        for (String field : indexedFields(getIndexes())) {
            FieldLookup.Condition condition = FieldLookup.conditionOn(field, query);
            if (condition != null) {
                FieldLookup lookup = lookup(field);
                long size = lookup.size(condition);
                if (best == null || size < best.size()) {
                    best = new Plan(field, lookup, condition, size, null);
                }
            }
        }
        return best;
    }

    /**
     * A query on {@code _id} and more (an update of a document only if it is older than the event, say), which the
     * unique {@code _id} index cannot serve as a whole: the documents it names for the {@code _id} alone.
     */
    private Plan byId(Document query) {
        Document id = idCondition(query);
        if (id == null) {
            return null;
        }
        for (Index<Object> index : getIndexes()) {
            if (index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(ID) && index.canHandle(id)) {
                List<Object> positions = new ArrayList<>();
                index.getPositions(id).forEach(positions::add);
                return new Plan(ID, null, null, positions.size(), positions);
            }
        }
        return null;
    }

    /**
     * The condition on {@code _id}, at the top level or in a top-level {@code $and} (a query on {@code _id} alone
     * reaches here only as an aggregation's {@code $match}: upstream's index serves it as a query).
     */
    private static Document idCondition(Document query) {
        if (query.containsKey(ID)) {
            return new Document(ID, query.get(ID));
        }
        if (query.get("$and") instanceof List<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document document && document.containsKey(ID)) {
                    return new Document(ID, document.get(ID));
                }
            }
        }
        return null;
    }

    /**
     * The documents the plan names, in the order a full scan reads them; or, for a query sorted first by the
     * planned field and limited, only those up to the last value the answer can reach: every document of each
     * value in sort order, until {@code skip + limit} of them match.
     */
    private List<Document> candidates(Plan plan, Document query, Document orderBy, int skip, int limit) {
        Boolean descending = limit > 0 && query != null ? sortedFirstBy(plan.field(), orderBy) : null;
        List<Object> positions;
        if (plan.positions() != null) {
            positions = new ArrayList<>(plan.positions());
        } else if (descending == null) {
            positions = new ArrayList<>(plan.lookup().positions(plan.condition()));
        } else {
            positions = new ArrayList<>(plan.lookup().compound());
            Set<Object> excluded = excluded(query);
            long needed = (long) skip + limit;
            long matched = 0;
            for (Set<Object> group : plan.lookup().groups(plan.condition(), descending)) {
                if (matched >= needed) {
                    break;
                }
                for (Object position : group) {
                    if (excluded.contains(position)) {
                        continue;
                    }
                    positions.add(position);
                    Document document = getDocument(position);
                    if (document != null && documentMatchesQuery(document, query)) {
                        matched++;
                    }
                }
            }
        }
        // in the order a full scan reads them, so documents the sort ranks equal come out as a scan gives them
        positions.sort(dataMap.getKeyType());
        documentsRead.add(positions.size());
        List<Document> documents = new ArrayList<>(positions.size());
        for (Object position : positions) {
            Document document = getDocument(position);
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    /**
     * The documents a query's {@code $nin} on a field with a unique index of its own rules out, found from that
     * index without reading them: a tracking read names the events of its look-back window it has already seen.
     */
    private Set<Object> excluded(Document query) {
        Set<Object> excluded = new HashSet<>();
        List<Document> terms = new ArrayList<>(List.of(query));
        if (query.get("$and") instanceof List<?> and) {
            and.stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(terms::add);
        }
        for (Document term : terms) {
            for (Map.Entry<String, Object> clause : term.entrySet()) {
                if (clause.getValue() instanceof Document operators && operators.size() == 1
                        && operators.get("$nin") instanceof List<?> values && !values.isEmpty()) {
                    Document asIn = new Document(clause.getKey(), new Document("$in", values));
                    getIndexes().stream().filter(index -> index.getKeys().size() == 1 && index.canHandle(asIn))
                            .findFirst().ifPresent(index -> index.getPositions(asIn).forEach(excluded::add));
                }
            }
        }
        return excluded;
    }

    /** TRUE or FALSE when {@code orderBy} sorts first by {@code field}, descending or not; null otherwise. */
    private static Boolean sortedFirstBy(String field, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return null;
        }
        Map.Entry<String, Object> first = orderBy.entrySet().iterator().next();
        if (!first.getKey().equals(field) || !(first.getValue() instanceof Number direction)) {
            return null;
        }
        return direction.doubleValue() < 0;
    }

    private static List<String> indexedFields(List<Index<Object>> indexes) {
        return indexes.stream().flatMap(index -> index.getKeys().stream()).map(IndexKey::getKey)
                .filter(field -> !field.equals(ID) && !field.contains(".")).distinct().toList();
    }

    private record Aggregating(IndexedH2Collection collection, Document match) {
    }

    /** A field's lookup and the condition on it, or ({@code _id}) the positions the unique index named. */
    private record Plan(String field, FieldLookup lookup, FieldLookup.Condition condition, long size,
                        List<Object> positions) {
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
