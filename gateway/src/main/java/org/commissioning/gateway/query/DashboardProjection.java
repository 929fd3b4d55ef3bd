package org.commissioning.gateway.query;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractExpired;
import org.commissioning.events.contracts.v1.ContractRecommissioned;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.commissioning.events.contracts.v1.MonitoringMeetingHeld;
import org.commissioning.events.contracts.v1.MonitoringMeetingOverdue;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.events.kpi.v1.ReturnOverdue;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.events.ratings.v1.PerformanceNoticeConfirmed;
import org.commissioning.events.ratings.v1.PerformanceNoticeOverdue;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.events.ratings.v1.RagOverridden;
import org.commissioning.events.ratings.v1.TrajectoryAssessed;
import org.commissioning.events.deepdives.v1.DeepDiveCancelled;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDiveOverdue;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.events.deepdives.v1.DeepDiveScheduled;
import org.commissioning.events.deepdives.v1.DeepDiveStarted;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardDeepDive;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.api.DashboardRationale;
import org.commissioning.gateway.api.DashboardTrajectory;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.commissioning.platform.readmodel.ReadModelCollections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the dashboard rows from the contracts', the ratings', the deep dives' and the KPI returns' published events.
 * Each topic numbers a contract's events on its own, so a row keeps the last sequence applied from each
 * ({@code lastEventSequence}, {@code lastRatingSequence}, {@code lastDeepDiveSequence}, {@code lastKpiSequence}), and
 * an event changes the row only if its sequence is higher than the one of its own
 * topic: a replay never takes a row back to an older state. The platform's consumer delivers each contract's events of
 * a topic in sequence order (a record ahead of its turn is held until the missing ones are applied), so this guard
 * drops only a redelivery of an event already applied, never a genuine event held back by a forged or early one.
 * <p>
 * The topics are read independently, so a contract's first rating may come before its registration. The rating
 * then creates the row with only its own fields, and the registration fills in the contract's fields around them.
 */
@Component
public class DashboardProjection {

    /** The read model's name, and its collection until it is first rebuilt ({@code DashboardRebuild}). */
    public static final String COLLECTION = "dashboard_contracts";
    static final String TERMINATED = DashboardContract.TERMINATED;
    static final String EXPIRED = DashboardContract.EXPIRED;
    static final String RECOMMISSIONED = DashboardContract.RECOMMISSIONED;
    static final String CONTRACT_SEQUENCE = "lastEventSequence";
    static final String RATING_SEQUENCE = "lastRatingSequence";
    static final String RAG_PERIOD = "ragPeriod";
    static final String OVERDUE_NOTICES = "overdueNotices";
    static final String DEEPDIVE_SEQUENCE = "lastDeepDiveSequence";
    static final String KPI_SEQUENCE = "lastKpiSequence";
    static final String NEXT_MEETING_DUE = "nextMeetingDue";
    static final String OVERDUE_MEETING_DUE = "overdueMeetingDue";
    static final String OVERDUE_RETURNS = "overdueReturns";
    static final String RATIONALE = "rationale";
    /** The officers' rationales by month ({@code officerRationales.2018-04}), kept on the row for its ContractRated. */
    static final String OFFICER_RATIONALES = "officerRationales";
    static final String PROVIDER_SOURCE = "PROVIDER";

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;
    /** The collection a rebuild writes; null for the live handlers, which write the live collection. */
    private final String rebuilding;

    @Autowired
    public DashboardProjection(MongoTemplate mongo, ReadModelCollections collections) {
        this(mongo, collections, null);
    }

    /** A projection never rebuilt, on its own collection (tests). */
    public DashboardProjection(MongoTemplate mongo) {
        this(mongo, new ReadModelCollections(mongo, java.time.Duration.ZERO), null);
    }

    private DashboardProjection(MongoTemplate mongo, ReadModelCollections collections, String rebuilding) {
        this.mongo = mongo;
        this.collections = collections;
        this.rebuilding = rebuilding;
    }

    /** The same handlers writing {@code collection}: a rebuild's. */
    public DashboardProjection writingTo(String collection) {
        return new DashboardProjection(mongo, collections, collection);
    }

    private String written() {
        return rebuilding != null ? rebuilding : collections.live(COLLECTION);
    }

    public void on(IntegrationEvent<?> event, ContractRegistered registered) {
        upsertIfNewer(registered.contractId(), CONTRACT_SEQUENCE, event.sequence(), new Update()
                .set("provider", registered.provider())
                .set("serviceArea", registered.serviceArea())
                .set("lotScope", registered.lot().scope())
                .set("areas", registered.lot().areas())
                .set("districts", registered.lot().districts())
                .set("annualValueGbp", toPence(registered.annualValueGbp()))
                .set("start", registered.start())
                .set("end", registered.end())
                .set("status", DashboardContract.ACTIVE)
                .set("registeredAt", event.time())
                .set(CONTRACT_SEQUENCE, event.sequence())
                .set("lastEventId", event.id())
                .setOnInsert(RATING_SEQUENCE, 0L));
    }

    public void on(IntegrationEvent<?> event, ContractTerminated terminated) {
        applyContractEvent(event, ended(TERMINATED));
    }

    public void on(IntegrationEvent<?> event, ContractExpired expired) {
        applyContractEvent(event, ended(EXPIRED));
    }

    public void on(IntegrationEvent<?> event, ContractRecommissioned recommissioned) {
        applyContractEvent(event, ended(RECOMMISSIONED));
    }

    /** An ended contract is no longer monitored: it shows no cadence and no meeting due. */
    private static Update ended(String status) {
        return Update.update("status", status).unset("cadence").unset(NEXT_MEETING_DUE).unset(OVERDUE_MEETING_DUE);
    }

    /** The next meeting is due one new cadence after the last one held; a meeting found overdue is no longer. */
    public void on(IntegrationEvent<?> event, MonitoringCadenceChanged changed) {
        applyContractEvent(event, Update.update("cadence", changed.cadence())
                .set(NEXT_MEETING_DUE, changed.nextMeetingDue()).unset(OVERDUE_MEETING_DUE));
    }

    public void on(IntegrationEvent<?> event, MonitoringMeetingHeld held) {
        applyContractEvent(event, Update.update(NEXT_MEETING_DUE, held.nextMeetingDue()).unset(OVERDUE_MEETING_DUE));
    }

    public void on(IntegrationEvent<?> event, MonitoringMeetingOverdue overdue) {
        applyContractEvent(event, Update.update(OVERDUE_MEETING_DUE, overdue.dueDate()));
    }

    public void on(IntegrationEvent<?> event, RagChanged changed) {
        upsertIfNewer(event.subject(), RATING_SEQUENCE, event.sequence(), latestPeriod(changed.period())
                .set("rag", changed.to())
                .set("ragBasis", changed.basis())
                .set(RATING_SEQUENCE, event.sequence()));
    }

    /**
     * Every rated month, whether or not it changed the rating: the row shows the latest one rated, and the rationale
     * of the latest one rated other than NOT_RATED (the month the overall rating is of), with the officer's words
     * where an officer decided it.
     */
    public void on(IntegrationEvent<?> event, ContractRated rated) {
        Update update = latestPeriod(rated.period()).set(RATING_SEQUENCE, event.sequence());
        if (rated.period() != null && !DashboardQuery.NOT_RATED.equals(rated.rating())) {
            Document row = mongo.findById(event.subject(), Document.class, written());
            Document latest = row == null ? null : row.get(RATIONALE, Document.class);
            String month = rated.period().toString();
            if (latest == null || month.compareTo(String.valueOf(latest.get("period"))) >= 0) {
                Document officer = row == null || !DashboardRationale.OFFICER.equals(rated.basis()) ? null
                        : row.get(OFFICER_RATIONALES, new Document()).get(month, Document.class);
                update.set(RATIONALE, new DashboardRationale(rated.period(), rated.rating(), rated.basis(),
                        rated.provisional(), rated.policyVersion(),
                        officer == null ? null : officer.getString("rationale"),
                        officer == null ? null : officer.getString("officer")));
            }
        }
        upsertIfNewer(event.subject(), RATING_SEQUENCE, event.sequence(), update);
    }

    /** An officer's judgement of a month: its ContractRated follows, and shows the rationale. */
    public void on(IntegrationEvent<?> event, RagOverridden overridden) {
        upsertIfNewer(event.subject(), RATING_SEQUENCE, event.sequence(), new Update()
                .set(OFFICER_RATIONALES + "." + overridden.period(), new Document("rationale", overridden.rationale())
                        .append("officer", overridden.officer()))
                .set(RATING_SEQUENCE, event.sequence()));
    }

    /**
     * The latest rated month, as contract-service shows it: a re-rating of an earlier month does not take it back.
     * Months are stored as yyyy-MM, so the latest is the greatest text.
     */
    private static Update latestPeriod(YearMonth period) {
        Update update = new Update();
        return period == null ? update : update.max(RAG_PERIOD, period.toString());
    }

    public void on(IntegrationEvent<?> event, TrajectoryAssessed assessed) {
        upsertIfNewer(event.subject(), RATING_SEQUENCE, event.sequence(), new Update()
                .set("trajectory", new DashboardTrajectory(assessed.trend(), assessed.projectedRating(),
                        assessed.horizonMonths(), assessed.basis(), assessed.period(), assessed.statement()))
                .set(RATING_SEQUENCE, event.sequence()));
    }

    /** A notice overdue shows on the row until it is confirmed. */
    public void on(IntegrationEvent<?> event, PerformanceNoticeOverdue overdue) {
        upsertIfNewer(event.subject(), RATING_SEQUENCE, event.sequence(), new Update()
                .addToSet(OVERDUE_NOTICES, overdue.yearFrom().toString())
                .set(RATING_SEQUENCE, event.sequence()));
    }

    public void on(IntegrationEvent<?> event, PerformanceNoticeConfirmed confirmed) {
        upsertIfNewer(event.subject(), RATING_SEQUENCE, event.sequence(), new Update()
                .pull(OVERDUE_NOTICES, confirmed.yearFrom().toString())
                .set(RATING_SEQUENCE, event.sequence()));
    }

    public void on(IntegrationEvent<?> event, DeepDivePlanned planned) {
        deepDive(event, planned.programmeYear(), DashboardDeepDive.PLANNED).set("due", planned.dueDate()).apply();
    }

    public void on(IntegrationEvent<?> event, DeepDiveScheduled scheduled) {
        deepDive(event, scheduled.programmeYear(), DashboardDeepDive.SCHEDULED).set("due", scheduled.date()).apply();
    }

    public void on(IntegrationEvent<?> event, DeepDiveStarted started) {
        deepDive(event, started.programmeYear(), DashboardDeepDive.IN_PROGRESS).apply();
    }

    public void on(IntegrationEvent<?> event, DeepDiveCompleted completed) {
        deepDive(event, completed.programmeYear(), DashboardDeepDive.COMPLETE)
                .set("grade", completed.overallGrade())
                .set("completedOn", completed.completedOn())
                .set("historic", completed.historic())
                .apply();
    }

    public void on(IntegrationEvent<?> event, DeepDiveOverdue overdue) {
        deepDive(event, overdue.programmeYear(), DashboardDeepDive.OVERDUE).set("due", overdue.dueDate()).apply();
    }

    public void on(IntegrationEvent<?> event, DeepDiveCancelled cancelled) {
        deepDive(event, cancelled.programmeYear(), DashboardDeepDive.CANCELLED).set("reason", cancelled.reason())
                .apply();
    }

    /** A month's return found overdue shows on the row until a provider's value of that month arrives. */
    public void on(IntegrationEvent<?> event, ReturnOverdue overdue) {
        upsertIfNewer(event.subject(), KPI_SEQUENCE, event.sequence(), new Update()
                .addToSet(OVERDUE_RETURNS, overdue.period().toString())
                .set(KPI_SEQUENCE, event.sequence()));
    }

    /**
     * A provider's value of a month means its return has arrived; a council figure does not. Nothing to clear on a
     * contract without a row (its overdue returns would have made one).
     */
    public void on(IntegrationEvent<?> event, KpiSubmitted submitted) {
        if (PROVIDER_SOURCE.equals(submitted.source())) {
            mongo.updateFirst(newer(event.subject(), KPI_SEQUENCE, event.sequence()), new Update()
                    .pull(OVERDUE_RETURNS, submitted.period().toString())
                    .set(KPI_SEQUENCE, event.sequence()), DashboardContract.class, written());
        }
    }

    /** A change of the contract's deep dive of a programme year, under {@code deepDives.<2018-19>}. */
    private DeepDiveChange deepDive(IntegrationEvent<?> event, int programmeYear, String status) {
        return new DeepDiveChange(event, programmeYear).set("programmeYear", programmeYear).set("status", status);
    }

    /** The fields a deep-dive event sets, applied to the row once (the deep-dive topic's own sequence guards it). */
    private final class DeepDiveChange {

        private final IntegrationEvent<?> event;
        private final String prefix;
        private final Update update = new Update();

        DeepDiveChange(IntegrationEvent<?> event, int programmeYear) {
            this.event = event;
            this.prefix = "deepDives." + DashboardDeepDive.key(programmeYear) + ".";
        }

        DeepDiveChange set(String field, Object value) {
            update.set(prefix + field, value);
            return this;
        }

        void apply() {
            upsertIfNewer(event.subject(), DEEPDIVE_SEQUENCE, event.sequence(),
                    update.set(DEEPDIVE_SEQUENCE, event.sequence()));
        }
    }

    /** A contract event after the registration: it has a row to change, or there is nothing to show it on. */
    private void applyContractEvent(IntegrationEvent<?> event, Update update) {
        mongo.updateFirst(newer(event.subject(), CONTRACT_SEQUENCE, event.sequence()),
                update.set(CONTRACT_SEQUENCE, event.sequence()).set("lastEventId", event.id()),
                DashboardContract.class, written());
    }

    /**
     * Applies the update to the contract's row, creating the row if there is none, unless the row has applied this
     * sequence or a later one of the same topic.
     */
    private void upsertIfNewer(String id, String sequenceField, long sequence, Update update) {
        Query newer = newer(id, sequenceField, sequence);
        try {
            mongo.upsert(newer, update, DashboardContract.class, written());
        } catch (DuplicateKeyException rowExists) {
            // the row exists but did not match: it is already as new, or the other topic's handler created it
            // between the match and the insert, in which case the update now applies to it
            mongo.updateFirst(newer, update, DashboardContract.class, written());
        }
    }

    /** The contract's row unless it has applied this sequence or a later one; a row without the field matches. */
    private static Query newer(String id, String sequenceField, long sequence) {
        return Query.query(Criteria.where("_id").is(id).and(sequenceField).not().gte(sequence));
    }

    /** An amount in pounds shown to at least pence: 120000 and 1.2E+5 both read 120000.00. */
    public static BigDecimal toPence(BigDecimal gbp) {
        if (gbp == null) {
            return null;
        }
        BigDecimal stripped = gbp.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale()));
    }
}
