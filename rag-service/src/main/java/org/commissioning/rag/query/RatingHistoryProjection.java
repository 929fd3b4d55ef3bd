package org.commissioning.rag.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.readmodel.ReadModelCollections;
import org.commissioning.platform.readmodel.RebuildableReadModel;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.RagChangedEvent;
import org.commissioning.rag.api.RagOverriddenEvent;
import org.commissioning.rag.api.RatingHistory;
import org.commissioning.rag.api.RatingRecord;
import org.commissioning.rag.api.TrajectoryAssessedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every contract's rating history, from the event store. Entries are upserts keyed by the stored event id, so
 * replaying the store changes nothing. {@code asOf} filters on the stored events' timestamps: a rating recorded
 * after that moment (e.g. after a later correction) is not shown. A rebuildable read model ({@link #READ_MODEL}):
 * read and written through the collection {@code read_models} names for it ({@code rating_history} until its first
 * rebuild, {@code rating_history_<n>} after the n-th).
 */
@Component
@ProcessingGroup(RatingHistoryProjection.PROCESSING_GROUP)
public class RatingHistoryProjection {

    /** The read model's name, and its collection until it is first rebuilt. */
    public static final String COLLECTION = "rating_history";
    public static final String READ_MODEL = COLLECTION;
    public static final String PROCESSING_GROUP = "rating-history";
    static final String CONTRACT_SEQUENCE_INDEX = "contract_sequence";

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;
    /** The collection a rebuild writes; null for the live handlers, which write the live collection. */
    private final String rebuilding;

    @Autowired
    public RatingHistoryProjection(MongoTemplate mongo, ReadModelCollections collections) {
        this(mongo, collections, null);
    }

    /** A projection never rebuilt, on its own collection (tests). */
    public RatingHistoryProjection(MongoTemplate mongo) {
        this(mongo, new ReadModelCollections(mongo, java.time.Duration.ZERO), null);
    }

    private RatingHistoryProjection(MongoTemplate mongo, ReadModelCollections collections, String rebuilding) {
        this.mongo = mongo;
        this.collections = collections;
        this.rebuilding = rebuilding;
    }

    /** The rating history as {@code POST /actuator/rebuild} rebuilds it: these handlers, writing the new collection. */
    public RebuildableReadModel readModel() {
        return new RebuildableReadModel(READ_MODEL, PROCESSING_GROUP, collection -> {
            ensureIndex(collection);
            return new RatingHistoryProjection(mongo, collections, collection);
        });
    }

    /** A contract's history is read by contract id in sequence order, by the auditor's every check. */
    @PostConstruct
    void ensureIndex() {
        if (rebuilding == null) {
            ensureIndex(liveCollection());
        }
    }

    private void ensureIndex(String collection) {
        mongo.indexOps(collection).ensureIndex(new Index().on("contractId", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).named(CONTRACT_SEQUENCE_INDEX));
    }

    /** The collection the history is served from now. */
    public String liveCollection() {
        return collections.live(READ_MODEL);
    }

    @EventHandler
    void on(ContractRatedEvent e, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(entry(e, message, sequence, at));
    }

    @EventHandler
    void on(RagChangedEvent e, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(entry(e, message, sequence, at));
    }

    @EventHandler
    void on(RagOverriddenEvent e, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(entry(e, message, sequence, at));
    }

    @EventHandler
    void on(TrajectoryAssessedEvent e, EventMessage<?> message, @SequenceNumber long sequence,
            @Timestamp Instant at) {
        save(entry(e, message, sequence, at));
    }

    /** The entry a stored event gives, as the handlers above save it; empty for an event the history does not keep. */
    public static Optional<RatingRecord> entryOf(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        long sequence = message.getSequenceNumber();
        Instant at = message.getTimestamp();
        if (payload instanceof ContractRatedEvent e) {
            return Optional.of(entry(e, message, sequence, at));
        } else if (payload instanceof RagChangedEvent e) {
            return Optional.of(entry(e, message, sequence, at));
        } else if (payload instanceof RagOverriddenEvent e) {
            return Optional.of(entry(e, message, sequence, at));
        } else if (payload instanceof TrajectoryAssessedEvent e) {
            return Optional.of(entry(e, message, sequence, at));
        }
        return Optional.empty();
    }

    private static RatingRecord entry(ContractRatedEvent e, EventMessage<?> message, long sequence, Instant at) {
        return new RatingRecord(message.getIdentifier(), e.contractId(), "ContractRated", sequence, at,
                actor(message), causedBy(message), e.period().toString(), e.rating(), e.computedRating(), e.basis(),
                e.provisional(), e.policyVersion(), e.evidence(), e.missingHeadlines(), e.frameworkVersions(),
                e.ratedBy(), e.rationale(), null, null, null, e.reason(), e.notValidated(), null, null, null, null,
                null);
    }

    private static RatingRecord entry(RagChangedEvent e, EventMessage<?> message, long sequence, Instant at) {
        return new RatingRecord(message.getIdentifier(), e.contractId(), "RagChanged", sequence, at, actor(message),
                causedBy(message), e.period().toString(), e.to(), null, e.basis(), null, null, null, null, null, null,
                e.rationale(), e.from(), e.to(), null, null, null, null, null, null, null, null);
    }

    private static RatingRecord entry(RagOverriddenEvent e, EventMessage<?> message, long sequence, Instant at) {
        return new RatingRecord(message.getIdentifier(), e.contractId(), "RagOverridden", sequence, at,
                actor(message), causedBy(message), e.period().toString(), e.rating(), e.computedRating(), null, null,
                e.policyVersion(), null, null, null, e.officer(), e.rationale(), null, null, e.previousRating(), null,
                null, null, null, null, null, null);
    }

    private static RatingRecord entry(TrajectoryAssessedEvent e, EventMessage<?> message, long sequence,
                                      Instant at) {
        return new RatingRecord(message.getIdentifier(), e.contractId(), "TrajectoryAssessed", sequence, at,
                actor(message), causedBy(message), e.period().toString(), e.currentRating(), null, e.basis(), null,
                e.method(), null, null, null, e.assessedBy(), null, null, null, null, null, null, e.trend(),
                e.projectedRating(), e.horizonMonths(), e.projections(), e.statement());
    }

    void save(RatingRecord record) {
        mongo.save(record, rebuilding != null ? rebuilding : liveCollection());
    }

    /** Every entry of the contract recorded at or before {@code asOf}, in the order of the contract's stream. */
    public List<RatingRecord> entries(String contractId, Instant asOf) {
        Criteria criteria = Criteria.where("contractId").is(contractId);
        if (asOf != null) {
            criteria = criteria.and("recordedAt").lte(asOf);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("sequence")), RatingRecord.class, liveCollection());
    }

    public boolean hasEntries(String contractId) {
        return mongo.exists(Query.query(Criteria.where("contractId").is(contractId)), liveCollection());
    }

    public RatingHistory history(String contractId, Instant asOf) {
        return history(contractId, asOf, entries(contractId, asOf));
    }

    /** The history the entries of a contract make, as {@link #history(String, Instant)} serves it. */
    public static RatingHistory history(String contractId, Instant asOf, List<RatingRecord> recorded) {
        List<RatingRecord> entries = recorded.stream()
                .sorted(Comparator.comparingLong(RatingRecord::sequence)).toList();
        Map<String, RatingRecord> periods = new TreeMap<>();
        entries.stream().filter(r -> r.type().equals("ContractRated")).forEach(r -> periods.put(r.period(), r));
        List<RatingRecord> changes = entries.stream().filter(r -> r.type().equals("RagChanged")).toList();
        List<RatingRecord> overrides = entries.stream().filter(r -> r.type().equals("RagOverridden")).toList();
        List<RatingRecord> ratings = entries.stream().filter(r -> r.type().equals("ContractRated")).toList();
        List<RatingRecord> trajectories = entries.stream().filter(r -> r.type().equals("TrajectoryAssessed"))
                .toList();
        return new RatingHistory(contractId, asOf, changes.isEmpty() ? null : changes.get(changes.size() - 1).to(),
                List.copyOf(new LinkedHashMap<>(periods).values()), ratings, changes, overrides,
                trajectories.isEmpty() ? null : trajectories.get(trajectories.size() - 1), trajectories, List.of());
    }

    private static String actor(EventMessage<?> message) {
        Object actor = message.getMetaData().get(CausationContext.ACTOR);
        return actor == null ? CausationContext.SYSTEM : actor.toString();
    }

    private static String causedBy(EventMessage<?> message) {
        Object causedBy = message.getMetaData().get(CausationContext.CAUSED_BY);
        return causedBy == null ? null : causedBy.toString();
    }
}
