package org.commissioning.kpi.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The returns as they stand, one document per contract and month, and the returns found overdue. Each handler
 * reads the document, changes it ({@link ReturnChanges}: applying an event again changes nothing) and saves it
 * whole. A single tracking processor applies the events in order.
 */
@Component
@ProcessingGroup("monthly-returns")
@RequiredArgsConstructor
public class MonthlyReturnsProjection {

    public static final String COLLECTION = "monthly_returns";
    public static final String OVERDUE = "overdue_returns";

    private final MongoTemplate mongo;

    @EventHandler
    public void on(MonthlyReturnSubmittedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        change(event.returnId(), event, eventId, at);
        OverdueReturn overdue = mongo.findById(event.returnId(), OverdueReturn.class, OVERDUE);
        if (overdue != null && overdue.receivedAt() == null) {
            mongo.save(new OverdueReturn(overdue.id(), overdue.contractId(), overdue.period(), overdue.dueDate(),
                    overdue.detectedAt(), at), OVERDUE);
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
        if (mongo.findById(event.returnId(), OverdueReturn.class, OVERDUE) == null) {
            mongo.save(new OverdueReturn(event.returnId(), event.contractId(), event.period().toString(),
                    event.dueDate(), event.detectedAt(), null), OVERDUE);
        }
    }

    public Optional<MonthlyReturnView> find(String returnId) {
        return Optional.ofNullable(mongo.findById(returnId, MonthlyReturnView.class, COLLECTION));
    }

    public Optional<MonthlyReturnView> find(String contractId, YearMonth period) {
        return find(MonthlyReturnId.of(contractId, period));
    }

    /** The contract's returns from {@code from} to {@code to} (inclusive), oldest first. */
    public List<MonthlyReturnView> between(String contractId, YearMonth from, YearMonth to) {
        return mongo.find(new Query(Criteria.where("contractId").is(contractId)
                        .and("period").gte(from.toString()).lte(to.toString())).with(Sort.by("period")),
                MonthlyReturnView.class, COLLECTION);
    }

    public Optional<OverdueReturn> overdue(String contractId, YearMonth period) {
        return Optional.ofNullable(mongo.findById(MonthlyReturnId.of(contractId, period), OverdueReturn.class, OVERDUE));
    }

    /** The contract's returns found overdue, oldest first, including those that arrived late. */
    public List<OverdueReturn> overdue(String contractId) {
        return mongo.find(new Query(Criteria.where("contractId").is(contractId)).with(Sort.by("period")),
                OverdueReturn.class, OVERDUE);
    }

    /** The return's view after the event ({@link ReturnChanges}), stored whole. */
    private void change(String returnId, Object event, String eventId, Instant at) {
        mongo.save(ReturnChanges.apply(find(returnId).orElse(null), event, eventId, at), COLLECTION);
    }
}
