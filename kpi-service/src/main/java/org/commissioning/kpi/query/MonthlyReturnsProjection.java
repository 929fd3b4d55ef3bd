package org.commissioning.kpi.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.commissioning.kpi.api.CouncilKpiValueRecordedEvent;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyFlaggedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyResolvedEvent;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.kpi.api.OverdueReturn;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.commissioning.platform.readmodel.ReadModelCollections;
import org.commissioning.platform.readmodel.RebuildableReadModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The returns as they stand, one document per contract and month, and the returns found overdue. Each handler
 * reads the document, changes it ({@link ReturnChanges}: applying an event again changes nothing) and saves it
 * whole. A single tracking processor applies the events in order. Two rebuildable read models ({@link #COLLECTION}
 * and {@link #OVERDUE}, each read and written through the collection {@code read_models} names for it): a rebuild
 * of one runs these handlers writing only that one's new collection.
 */
@Component
@ProcessingGroup(MonthlyReturnsProjection.PROCESSING_GROUP)
public class MonthlyReturnsProjection {

    public static final String PROCESSING_GROUP = "monthly-returns";
    /** The returns' read model, and its collection until it is first rebuilt. */
    public static final String COLLECTION = "monthly_returns";
    /** The overdue returns' read model, and its collection until it is first rebuilt. */
    public static final String OVERDUE = "overdue_returns";

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;
    /** The read model a rebuild builds, and the collection it writes; both null for the live handlers. */
    private final String rebuilt;
    private final String rebuilding;

    @Autowired
    public MonthlyReturnsProjection(MongoTemplate mongo, ReadModelCollections collections) {
        this(mongo, collections, null, null);
    }

    /** A projection never rebuilt, on its own collections (tests). */
    public MonthlyReturnsProjection(MongoTemplate mongo) {
        this(mongo, new ReadModelCollections(mongo, java.time.Duration.ZERO), null, null);
    }

    private MonthlyReturnsProjection(MongoTemplate mongo, ReadModelCollections collections, String rebuilt,
                                     String rebuilding) {
        this.mongo = mongo;
        this.collections = collections;
        this.rebuilt = rebuilt;
        this.rebuilding = rebuilding;
    }

    /** The read models {@code POST /actuator/rebuild} rebuilds: these handlers, writing one's new collection. */
    public List<RebuildableReadModel> readModels() {
        return List.of(COLLECTION, OVERDUE).stream().map(readModel -> new RebuildableReadModel(readModel,
                PROCESSING_GROUP, collection -> new MonthlyReturnsProjection(mongo, collections, readModel,
                collection))).toList();
    }

    /** Where the handlers write {@code readModel}: its live collection, a rebuild's new one, or nowhere (null). */
    private String written(String readModel) {
        if (rebuilt == null) {
            return collections.live(readModel);
        }
        return rebuilt.equals(readModel) ? rebuilding : null;
    }

    @EventHandler
    public void on(MonthlyReturnSubmittedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        change(event.returnId(), event, eventId, at);
        String overdueReturns = written(OVERDUE);
        if (overdueReturns == null) {
            return;
        }
        OverdueReturn overdue = mongo.findById(event.returnId(), OverdueReturn.class, overdueReturns);
        if (overdue != null && overdue.receivedAt() == null) {
            mongo.save(new OverdueReturn(overdue.id(), overdue.contractId(), overdue.period(), overdue.dueDate(),
                    overdue.detectedAt(), at), overdueReturns);
        }
    }

    @EventHandler
    public void on(KpiValueSubmittedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        change(event.returnId(), event, eventId, at);
    }

    @EventHandler
    public void on(CouncilKpiValueRecordedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        change(event.returnId(), event, eventId, at);
    }

    @EventHandler
    public void on(KpiCorrectedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        change(event.returnId(), event, eventId, at);
    }

    @EventHandler
    public void on(KpiDiscrepancyFlaggedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        change(event.returnId(), event, eventId, at);
    }

    @EventHandler
    public void on(KpiDiscrepancyResolvedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        change(event.returnId(), event, eventId, at);
    }

    @EventHandler
    public void on(ReturnOverdueEvent event) {
        String overdueReturns = written(OVERDUE);
        if (overdueReturns != null && mongo.findById(event.returnId(), OverdueReturn.class, overdueReturns) == null) {
            mongo.save(new OverdueReturn(event.returnId(), event.contractId(), event.period().toString(),
                    event.dueDate(), event.detectedAt(), null), overdueReturns);
        }
    }

    public Optional<MonthlyReturnView> find(String returnId) {
        return Optional.ofNullable(mongo.findById(returnId, MonthlyReturnView.class, collections.live(COLLECTION)));
    }

    public Optional<MonthlyReturnView> find(String contractId, YearMonth period) {
        return find(MonthlyReturnId.of(contractId, period));
    }

    /** The contract's returns from {@code from} to {@code to} (inclusive), oldest first. */
    public List<MonthlyReturnView> between(String contractId, YearMonth from, YearMonth to) {
        return mongo.find(new Query(Criteria.where("contractId").is(contractId)
                        .and("period").gte(from.toString()).lte(to.toString())).with(Sort.by("period")),
                MonthlyReturnView.class, collections.live(COLLECTION));
    }

    public Optional<OverdueReturn> overdue(String contractId, YearMonth period) {
        return Optional.ofNullable(mongo.findById(MonthlyReturnId.of(contractId, period), OverdueReturn.class,
                collections.live(OVERDUE)));
    }

    /** The contract's returns found overdue, oldest first, including those that arrived late. */
    public List<OverdueReturn> overdue(String contractId) {
        return mongo.find(new Query(Criteria.where("contractId").is(contractId)).with(Sort.by("period")),
                OverdueReturn.class, collections.live(OVERDUE));
    }

    /** The return's view after the event ({@link ReturnChanges}), stored whole. */
    private void change(String returnId, Object event, String eventId, Instant at) {
        String returns = written(COLLECTION);
        if (returns != null) {
            MonthlyReturnView before = mongo.findById(returnId, MonthlyReturnView.class, returns);
            mongo.save(ReturnChanges.apply(before, event, eventId, at), returns);
        }
    }
}
