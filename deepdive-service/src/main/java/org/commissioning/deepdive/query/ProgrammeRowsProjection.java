package org.commissioning.deepdive.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import lombok.RequiredArgsConstructor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.commissioning.deepdive.api.DeepDiveCancelledEvent;
import org.commissioning.deepdive.api.DeepDiveCompletedEvent;
import org.commissioning.deepdive.api.DeepDiveEvent;
import org.commissioning.deepdive.api.DeepDiveOverdueEvent;
import org.commissioning.deepdive.api.DeepDivePlannedEvent;
import org.commissioning.deepdive.api.DeepDiveScheduledEvent;
import org.commissioning.deepdive.api.DeepDiveStartedEvent;
import org.commissioning.deepdive.api.DeepDiveStatus;
import org.commissioning.deepdive.api.Grade;
import org.commissioning.deepdive.api.ProgrammeOpenedEvent;
import org.commissioning.deepdive.api.ProgrammeRow;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The programme tables: one row per deep dive ({@code deep_dive_rows}, keyed by the deep dive's id) with what the
 * programme view and the overdue scan need, and the programme years opened ({@code deep_dive_programmes}). Writes are
 * guarded by the deep dive's event sequence, so an event applied again changes nothing.
 */
@Component
@ProcessingGroup(ProgrammeRowsProjection.PROCESSING_GROUP)
@RequiredArgsConstructor
public class ProgrammeRowsProjection {

    public static final String PROCESSING_GROUP = "programme-rows";
    static final String ROWS = "deep_dive_rows";
    static final String PROGRAMMES = "deep_dive_programmes";

    private final MongoTemplate mongo;

    /**
     * @param lifecycle  PLANNED, SCHEDULED, IN_PROGRESS, COMPLETE or CANCELLED
     * @param overdueFor the due date the scan recorded as passed, or null
     */
    public record Row(String id, String contractId, int programmeYear, String provider, List<String> districts,
                      DeepDiveStatus lifecycle, LocalDate dueDate, LocalDate overdueFor, Grade grade,
                      boolean historic, long lastSequence) {

        public DeepDiveStatus status() {
            return DeepDiveStatus.shown(lifecycle, dueDate, overdueFor);
        }

        public ProgrammeRow toRow() {
            return new ProgrammeRow(contractId, provider, districts, status(), dueDate, grade, historic);
        }

        Row with(DeepDiveStatus newLifecycle, LocalDate newDue, LocalDate newOverdueFor, Grade newGrade,
                 boolean newHistoric, long sequence) {
            return new Row(id, contractId, programmeYear, provider, districts, newLifecycle, newDue, newOverdueFor,
                    newGrade, newHistoric, sequence);
        }
    }

    /** A programme year opened, and when. */
    public record OpenedProgramme(int id, Instant openedAt) {
    }

    @EventHandler
    void on(ProgrammeOpenedEvent event, @Timestamp Instant at) {
        if (!mongo.exists(Query.query(Criteria.where("_id").is(event.programmeYear())), PROGRAMMES)) {
            mongo.save(new OpenedProgramme(event.programmeYear(), at), PROGRAMMES);
        }
    }

    @EventHandler
    void on(DeepDivePlannedEvent event, @SequenceNumber long sequence) {
        if (find(event.deepDiveId()).isEmpty()) {
            mongo.save(new Row(event.deepDiveId(), event.contractId(), event.programmeYear(), event.provider(),
                    event.districts(), DeepDiveStatus.PLANNED, event.dueDate(), null, null, false, sequence), ROWS);
        }
    }

    @EventHandler
    void on(DeepDiveEvent event, @SequenceNumber long sequence) {
        UnaryOperator<Row> change = change(event, sequence);
        find(event.deepDiveId()).filter(row -> row.lastSequence() < sequence)
                .ifPresent(row -> mongo.save(change.apply(row), ROWS));
    }

    private static UnaryOperator<Row> change(DeepDiveEvent event, long sequence) {
        if (event instanceof DeepDiveScheduledEvent e) {
            return r -> r.with(DeepDiveStatus.SCHEDULED, e.date(), r.overdueFor(), null, false, sequence);
        }
        if (event instanceof DeepDiveStartedEvent) {
            return r -> r.with(DeepDiveStatus.IN_PROGRESS, r.dueDate(), r.overdueFor(), null, false, sequence);
        }
        if (event instanceof DeepDiveCompletedEvent e) {
            return r -> r.with(DeepDiveStatus.COMPLETE, r.dueDate(), r.overdueFor(), e.overallGrade(), e.historic(),
                    sequence);
        }
        if (event instanceof DeepDiveOverdueEvent e) {
            return r -> r.with(r.lifecycle(), r.dueDate(), e.dueDate(), r.grade(), r.historic(), sequence);
        }
        if (event instanceof DeepDiveCancelledEvent) {
            return r -> r.with(DeepDiveStatus.CANCELLED, r.dueDate(), r.overdueFor(), r.grade(), r.historic(),
                    sequence);
        }
        return r -> r.with(r.lifecycle(), r.dueDate(), r.overdueFor(), r.grade(), r.historic(), sequence);
    }

    public Optional<Row> find(String deepDiveId) {
        return Optional.ofNullable(mongo.findById(deepDiveId, Row.class, ROWS));
    }

    /** The deep dives of a programme year, by provider, then districts, then contract. */
    public List<Row> ofYear(int programmeYear) {
        return mongo.find(Query.query(Criteria.where("programmeYear").is(programmeYear)), Row.class, ROWS).stream()
                .sorted(Comparator.comparing(Row::provider, Comparator.nullsLast(String::compareToIgnoreCase))
                        .thenComparing(r -> String.join(",", r.districts()))
                        .thenComparing(Row::contractId))
                .toList();
    }

    /** The contract's deep dives, by year. */
    public List<Row> ofContract(String contractId) {
        return mongo.find(Query.query(Criteria.where("contractId").is(contractId)), Row.class, ROWS).stream()
                .sorted(Comparator.comparingInt(Row::programmeYear)).toList();
    }

    /** Open deep dives due before {@code today} whose current due date has not been recorded as passed. */
    public List<Row> pastDueNotRecorded(LocalDate today) {
        return mongo.find(Query.query(Criteria.where("dueDate").lt(today)), Row.class, ROWS).stream()
                .filter(r -> !r.lifecycle().isFinished() && !r.dueDate().equals(r.overdueFor()))
                .toList();
    }

    public boolean isOpen(int programmeYear) {
        return mongo.exists(Query.query(Criteria.where("_id").is(programmeYear)), PROGRAMMES);
    }

    /** The programme years opened, in order. */
    public List<Integer> openYears() {
        return mongo.findAll(OpenedProgramme.class, PROGRAMMES).stream().map(OpenedProgramme::id).sorted().toList();
    }
}
