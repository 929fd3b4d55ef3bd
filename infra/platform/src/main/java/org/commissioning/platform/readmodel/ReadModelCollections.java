package org.commissioning.platform.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The collection each read model is served from now: one document per read model in {@code read_models}
 * ({@code _id} the read model's name, {@code collection} its live collection, {@code generation}, {@code previous},
 * {@code switchedAt}). A read model without a document is served from the collection of its own name, so a read model
 * never rebuilt reads as it always did. A rebuild switches a read model with one update of its document, so a reader
 * sees the old collection or the new one, never a mix. Lookups are cached for {@code ttl}; the instance that switches
 * sees its own switch at once.
 */
public class ReadModelCollections {

    public static final String COLLECTION = "read_models";

    private final MongoTemplate mongo;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ReadModelCollections(MongoTemplate mongo, Duration ttl) {
        this(mongo, ttl, Clock.systemUTC());
    }

    ReadModelCollections(MongoTemplate mongo, Duration ttl, Clock clock) {
        this.mongo = mongo;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The collection the read model is read from and written to now. */
    public String live(String readModel) {
        return current(readModel).collection();
    }

    /** The read model's live collection and its generation (0 until its first rebuild). */
    public Generation current(String readModel) {
        Instant now = clock.instant();
        Cached cached = cache.get(readModel);
        if (cached != null && cached.fetchedAt().plus(ttl).isAfter(now)) {
            return cached.generation();
        }
        Document found = mongo.findById(readModel, Document.class, COLLECTION);
        Generation generation = found == null ? new Generation(readModel, 0, null)
                : new Generation(found.getString("collection"), found.get("generation", Number.class).intValue(),
                        found.getString("previous"));
        cache.put(readModel, new Cached(generation, now));
        return generation;
    }

    /** Serves the read model from {@code collection} from now on: one update of its document. */
    public void switchTo(String readModel, Generation next) {
        mongo.upsert(Query.query(Criteria.where("_id").is(readModel)), new Update()
                .set("collection", next.collection())
                .set("generation", next.generation())
                .set("previous", next.previous())
                .set("switchedAt", clock.instant().toString()), COLLECTION);
        cache.put(readModel, new Cached(next, clock.instant()));
    }

    /** The collection of a read model's generation: its own name for generation 0, {@code <name>_<n>} after. */
    public static String collectionOf(String readModel, int generation) {
        return generation == 0 ? readModel : readModel + "_" + generation;
    }

    /** @param previous the collection served before the last switch, kept until the next rebuild drops it */
    public record Generation(String collection, int generation, String previous) {
    }

    private record Cached(Generation generation, Instant fetchedAt) {
    }
}
