package org.commissioning.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Queries on an indexed field answer exactly what reading every document answers, in the same order, while reading
 * only the documents the field's lookup names: the same documents in an indexed collection and in one without
 * indexes, asked the same queries (the event store's among them), before and after writes and a restart.
 */
class IndexedQueriesTest {

    private static final int AGGREGATES = 40;

    @TempDir
    Path dir;

    private MongoWireServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = MongoWireServer.onDisk(dir.resolve("mongo.mv"), KafkaBroker.freePort()).start();
        client = MongoClients.create(server.connectionString());
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    @Test
    void answersTheEventStoresQueriesAsAFullScanDoesReadingOnlyTheDocumentsTheLookupNames() {
        MongoCollection<Document> indexed = eventStore("domainevents");
        MongoCollection<Document> scanned = client.getDatabase("test").getCollection("scanned");
        both(indexed, scanned, c -> c.insertMany(events(2_000, 0)));

        long before = server.queriesServedByLookup();
        List<Bson> queries = List.of(
                and(eq("aggregateIdentifier", "agg-7"), gte("sequenceNumber", 0L)),
                and(eq("aggregateIdentifier", "agg-7"), gte("sequenceNumber", 30L)),
                eq("aggregateIdentifier", "agg-12"),
                eq("aggregateIdentifier", "no-such-aggregate"),
                and(gte("timestamp", timestamp(1_900)), nin("eventIdentifier", List.of("event-1950", "event-1960"))),
                in("aggregateIdentifier", List.of("agg-1", "agg-2", "agg-39")),
                and(gt("timestamp", timestamp(100)), lte("timestamp", timestamp(140))),
                and(gt("timestamp", timestamp(140)), lt("timestamp", timestamp(100))));
        for (Bson query : queries) {
            assertSameAnswers(indexed, scanned, query);
        }
        assertThat(server.queriesServedByLookup() - before).as("queries a lookup served (find, sorted, count)")
                .isEqualTo(queries.size() * 3L);
        assertThat(indexed.find(and(eq("aggregateIdentifier", "agg-7"), gte("sequenceNumber", 0L)))
                .sort(Sorts.ascending("sequenceNumber")).map(d -> d.getLong("sequenceNumber")).into(new ArrayList<>()))
                .as("an aggregate's events").hasSize(2_000 / AGGREGATES).isSorted();
    }

    @Test
    void readsOnlyTheNextBatchOfATrackingProcessorNotEveryEventAfterItsToken() {
        MongoCollection<Document> indexed = eventStore("domainevents");
        MongoCollection<Document> scanned = client.getDatabase("test").getCollection("scanned");
        List<Document> events = events(3_000, 0);
        events.subList(1_000, 1_010).forEach(e -> e.put("timestamp", timestamp(1_000)));
        both(indexed, scanned, c -> c.insertMany(events));
        Bson afterToken = and(gte("timestamp", timestamp(990)),
                nin("eventIdentifier", List.of("event-990", "event-991", "event-1003")));
        Bson order = Sorts.ascending("timestamp", "sequenceNumber");

        long read = server.documentsReadByLookup();
        List<Document> batch = indexed.find(afterToken).sort(order).limit(12).into(new ArrayList<>());

        assertThat(batch).isEqualTo(scanned.find(afterToken).sort(order).limit(12).into(new ArrayList<>()));
        assertThat(batch).extracting(d -> d.get("_id")).containsExactly("event-992", "event-993", "event-994",
                "event-995", "event-996", "event-997", "event-998", "event-999", "event-1000", "event-1001",
                "event-1002", "event-1004");
        assertThat(server.documentsReadByLookup() - read)
                .as("documents read for a batch of 12 of the 2,007 after the token: ten of one timestamp each, then "
                        + "the ten of the timestamp the batch ends in, but for the three it has seen")
                .isEqualTo(10 + 10 - 3);
        Bson newestFirst = Sorts.descending("timestamp", "sequenceNumber");
        assertThat(indexed.find(afterToken).sort(newestFirst).skip(2).limit(5).into(new ArrayList<>()))
                .isEqualTo(scanned.find(afterToken).sort(newestFirst).skip(2).limit(5).into(new ArrayList<>()));
    }

    @Test
    void countsAndNarrowsFromTheMostSelectiveLookup() {
        MongoCollection<Document> indexed = eventStore("domainevents");
        MongoCollection<Document> scanned = client.getDatabase("test").getCollection("scanned");
        both(indexed, scanned, c -> c.insertMany(events(2_000, 0)));
        Bson oneAggregateFromSequenceTen = and(gte("sequenceNumber", 10L), eq("aggregateIdentifier", "agg-7"));

        long read = server.documentsReadByLookup();
        assertThat(indexed.countDocuments(oneAggregateFromSequenceTen))
                .isEqualTo(scanned.countDocuments(oneAggregateFromSequenceTen)).isEqualTo(2_000 / AGGREGATES - 10);
        assertThat(server.documentsReadByLookup() - read).as("a count reads the aggregate's events only")
                .isEqualTo(2_000 / AGGREGATES);

        read = server.documentsReadByLookup();
        assertThat(indexed.find(oneAggregateFromSequenceTen).into(new ArrayList<>()))
                .isEqualTo(scanned.find(oneAggregateFromSequenceTen).into(new ArrayList<>()));
        assertThat(server.documentsReadByLookup() - read).as("a query reads the aggregate's events, not every "
                + "event from sequence ten").isEqualTo(2_000 / AGGREGATES);
    }

    @Test
    void readsOneDocumentForAQueryOnItsIdAndMore() {
        MongoCollection<Document> indexed = client.getDatabase("test").getCollection("rows");
        MongoCollection<Document> scanned = client.getDatabase("test").getCollection("rowsScanned");
        List<Document> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add(new Document("_id", "row-" + i).append("lastSequence", (long) i % 7));
        }
        both(indexed, scanned, c -> c.insertMany(rows));
        Bson olderThanFive = and(eq("_id", "row-10"), lt("lastSequence", 5L));
        List<Document> scannedAnswer = scanned.find(olderThanFive).into(new ArrayList<>());
        long scannedModified = scanned.updateOne(olderThanFive, Updates.set("lastSequence", 5L)).getModifiedCount();

        long read = server.documentsReadByLookup();
        assertThat(indexed.find(olderThanFive).into(new ArrayList<>())).isEqualTo(scannedAnswer).hasSize(1);
        assertThat(indexed.updateOne(olderThanFive, Updates.set("lastSequence", 5L)).getModifiedCount())
                .isEqualTo(scannedModified).isOne();
        assertThat(indexed.updateOne(olderThanFive, Updates.set("lastSequence", 6L)).getModifiedCount())
                .as("no longer older").isZero();
        assertThat(server.documentsReadByLookup() - read).as("one document read per query").isEqualTo(3);
        Bson oneOfTwo = and(in("_id", List.of("row-1", "row-2", "row-none")), gte("lastSequence", 2L));
        assertThat(indexed.find(oneOfTwo).into(new ArrayList<>()))
                .isEqualTo(scanned.find(oneOfTwo).into(new ArrayList<>())).hasSize(1);
    }

    @Test
    void keepsItsLookupsUpToDateThroughInsertsUpdatesAndDeletes() {
        MongoCollection<Document> indexed = eventStore("domainevents");
        MongoCollection<Document> scanned = client.getDatabase("test").getCollection("scanned");
        both(indexed, scanned, c -> c.insertMany(events(400, 0)));
        assertSameAnswers(indexed, scanned, eq("aggregateIdentifier", "agg-3"));

        both(indexed, scanned, c -> {
            c.insertMany(events(100, 400));
            c.updateMany(eq("aggregateIdentifier", "agg-3"), Updates.set("aggregateIdentifier", "agg-moved"));
            c.deleteMany(eq("aggregateIdentifier", "agg-4"));
            c.updateOne(eq("_id", "event-5"), Updates.set("timestamp", timestamp(90_000)));
        });

        for (Bson query : List.of(eq("aggregateIdentifier", "agg-3"), eq("aggregateIdentifier", "agg-moved"),
                eq("aggregateIdentifier", "agg-4"), gte("timestamp", timestamp(450)),
                and(eq("aggregateIdentifier", "agg-5"), gte("sequenceNumber", 5L)))) {
            assertSameAnswers(indexed, scanned, query);
        }
        assertThat(indexed.countDocuments(eq("aggregateIdentifier", "agg-moved"))).isEqualTo(400 / AGGREGATES + 3);
        assertThat(indexed.countDocuments(eq("aggregateIdentifier", "agg-4"))).isZero();
        assertThat(indexed.find(gte("timestamp", timestamp(89_999))).first()).extracting(d -> d.get("_id"))
                .isEqualTo("event-5");
    }

    @Test
    void buildsItsLookupsAgainAfterARestartFromDisk() {
        MongoCollection<Document> indexed = eventStore("domainevents");
        indexed.insertMany(events(300, 0));
        assertThat(indexed.countDocuments(eq("aggregateIdentifier", "agg-9"))).isEqualTo(300 / AGGREGATES + 1);
        client.close();
        server.stop();

        server.start();
        client = MongoClients.create(server.connectionString());
        long before = server.queriesServedByLookup();
        MongoCollection<Document> reopened = client.getDatabase("test").getCollection("domainevents");
        reopened.insertOne(event(300));

        assertThat(reopened.find(eq("aggregateIdentifier", "agg-9"))).hasSize(300 / AGGREGATES + 1);
        assertThat(reopened.find(eq("aggregateIdentifier", "agg-20"))).hasSize(300 / AGGREGATES + 1);
        assertThat(reopened.find(gte("timestamp", timestamp(290)))).hasSize(11);
        assertThat(server.queriesServedByLookup() - before).isEqualTo(3);
    }

    @Test
    void answersAsAFullScanForValuesOfEveryKindAndRandomConditions() {
        MongoCollection<Document> indexed = client.getDatabase("test").getCollection("mixed");
        indexed.createIndex(Indexes.ascending("v"));
        indexed.createIndex(Indexes.ascending("w", "v"));
        MongoCollection<Document> scanned = client.getDatabase("test").getCollection("mixedScanned");
        Random random = new Random(20181);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            Document document = new Document("_id", i);
            if (random.nextInt(10) > 0) {
                document.append("v", randomValue(random));
            }
            document.append("w", randomValue(random));
            documents.add(document);
        }
        both(indexed, scanned, c -> c.insertMany(documents));

        long before = server.queriesServedByLookup();
        for (int i = 0; i < 300; i++) {
            String field = random.nextBoolean() ? "v" : "w";
            Object a = randomValue(random);
            Object b = randomValue(random);
            Bson query = switch (random.nextInt(7)) {
                case 0 -> eq(field, a);
                case 1 -> gte(field, a);
                case 2 -> lt(field, a);
                case 3 -> and(gt(field, a), lte(field, b));
                case 4 -> in(field, List.of(a, b));
                case 5 -> and(eq(field, a), gte("_id", random.nextInt(1_500)));
                default -> and(gte(field, a), nin("_id", List.of(1, 2, 3)));
            };
            assertSameAnswers(indexed, scanned, query);
            Bson sort = random.nextBoolean() ? Sorts.ascending(field, "_id") : Sorts.descending(field);
            int limit = 1 + random.nextInt(20);
            assertThat(indexed.find(query).sort(sort).limit(limit).into(new ArrayList<>()))
                    .as("sorted by %s, limited to %d: %s", sort, limit, query)
                    .isEqualTo(scanned.find(query).sort(sort).limit(limit).into(new ArrayList<>()));
        }
        assertThat(server.queriesServedByLookup() - before).as("random queries a lookup served").isPositive();
    }

    private MongoCollection<Document> eventStore(String name) {
        MongoCollection<Document> events = client.getDatabase("test").getCollection(name);
        events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                new IndexOptions().unique(true).name("uniqueAggregateIndex"));
        events.createIndex(Indexes.ascending("timestamp", "sequenceNumber"),
                new IndexOptions().unique(false).name("orderedEventStreamIndex"));
        events.createIndex(Indexes.ascending("eventIdentifier"),
                new IndexOptions().unique(true).name("uniqueEventIdentifierIndex"));
        return events;
    }

    private static void both(MongoCollection<Document> indexed, MongoCollection<Document> scanned,
                             Consumer<MongoCollection<Document>> change) {
        change.accept(indexed);
        change.accept(scanned);
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> scanned,
                                          Bson query) {
        assertThat(indexed.find(query).into(new ArrayList<>())).as("unsorted: %s", query)
                .isEqualTo(scanned.find(query).into(new ArrayList<>()));
        assertThat(indexed.find(query).sort(Sorts.descending("sequenceNumber", "v")).limit(7).into(new ArrayList<>()))
                .as("sorted and limited: %s", query)
                .isEqualTo(scanned.find(query).sort(Sorts.descending("sequenceNumber", "v")).limit(7)
                        .into(new ArrayList<>()));
        assertThat(indexed.countDocuments(query)).as("count: %s", query).isEqualTo(scanned.countDocuments(query));
    }

    private static List<Document> events(int count, int from) {
        List<Document> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(event(i));
        }
        return events;
    }

    private static Document event(int i) {
        return new Document("_id", "event-" + i).append("eventIdentifier", "event-" + i)
                .append("aggregateIdentifier", "agg-" + i % AGGREGATES)
                .append("sequenceNumber", (long) (i / AGGREGATES)).append("timestamp", timestamp(i));
    }

    private static String timestamp(int i) {
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.parse("2018-04-01T00:00:00Z").plusMillis(i * 250L));
    }

    private static Object randomValue(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextInt(20);
            case 1 -> (long) random.nextInt(20);
            case 2 -> random.nextInt(20) / 2.0;
            case 3 -> "s" + random.nextInt(20);
            case 4 -> List.of(random.nextInt(20), "s" + random.nextInt(20));
            case 5 -> new Document("n", random.nextInt(3));
            case 6 -> random.nextBoolean();
            default -> java.util.Date.from(Instant.parse("2018-04-01T00:00:00Z").plusSeconds(random.nextInt(20)));
        };
    }
}
