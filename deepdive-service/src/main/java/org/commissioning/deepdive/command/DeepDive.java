package org.commissioning.deepdive.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_NAME;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_REASON;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_TEXT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.deepdive.api.Area;
import org.commissioning.deepdive.api.AreaGrade;
import org.commissioning.deepdive.api.ContractTerm;
import org.commissioning.deepdive.api.DeepDiveAreaGradedEvent;
import org.commissioning.deepdive.api.DeepDiveCancelledEvent;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveCompletedEvent;
import org.commissioning.deepdive.api.DeepDiveEvent;
import org.commissioning.deepdive.api.DeepDiveOverdueEvent;
import org.commissioning.deepdive.api.DeepDivePlannedEvent;
import org.commissioning.deepdive.api.DeepDiveScheduledEvent;
import org.commissioning.deepdive.api.DeepDiveStartedEvent;
import org.commissioning.deepdive.api.DeepDiveStatus;
import org.commissioning.deepdive.api.Grade;
import org.commissioning.deepdive.api.ProgrammeYear;
import org.commissioning.deepdive.api.VariationRecommendedEvent;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;

/**
 * A contract's deep dive of one programme year ({@link DeepDiveCommands#id}): planned with a due date, scheduled
 * (and rescheduled with a reason), started, its nine areas graded, completed with the officer's overall grade (or
 * recorded complete from a historic source without grades), recorded overdue once per due date, or cancelled.
 */
@Aggregate
public class DeepDive {

    @AggregateIdentifier
    private String deepDiveId;
    private String contractId;
    private ProgrammeYear year;
    private DeepDiveStatus status;
    private LocalDate dueDate;
    private LocalDate scheduledDate;
    private LocalDate overdueFor;
    private final Map<Area, Grade> grades = new EnumMap<>(Area.class);
    private String variationReason;

    protected DeepDive() {
    }

    /**
     * 409 {@code one-deep-dive-per-year} if the year has one already, {@code contract-ended} for a contract whose term
     * ended before the year; 400 {@code contract-active-in-year} for one starting after it, {@code due-date-within-year}
     * and {@code due-date-within-term} for a due date outside the year or the term.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeepDiveCommands.Plan command) {
        if (status != null) {
            throw new StateConflictException("one-deep-dive-per-year", status(), "Contract " + command.contractId()
                    + " has a deep dive in the programme " + year.label() + " already");
        }
        ProgrammeYear programme = new ProgrammeYear(command.programmeYear());
        ContractTerm term = command.term();
        if (term.end() != null && term.end().isBefore(programme.firstDay())) {
            throw new StateConflictException("contract-ended", "ENDED", "Contract " + command.contractId()
                    + " ended on " + term.end() + ", before the programme " + programme.label() + " began");
        }
        if (term.start() != null && term.start().isAfter(programme.lastDay())) {
            throw new RuleViolationException("contract-active-in-year", "programmeYear", "Contract "
                    + command.contractId() + " starts on " + term.start() + ", after the programme "
                    + programme.label());
        }
        LocalDate due = command.dueDate() == null ? ProgrammeDates.defaultDueDate(programme, term) : command.dueDate();
        ProgrammeDates.within(programme, term, due, "dueDate", "due-date");
        apply(new DeepDivePlannedEvent(command.contractId(), command.programmeYear(), due, command.provider(),
                command.districts()));
    }

    /**
     * 409 {@code deep-dive-not-started} once started or finished; 400 {@code date-within-year},
     * {@code date-within-term}, {@code reschedule-reason} (moving a date set before needs a reason).
     */
    @CommandHandler
    public void handle(DeepDiveCommands.Schedule command) {
        notStarted("scheduled");
        ProgrammeDates.within(year, command.term(), command.date(), "date", "date");
        String lead = EvaluationRules.required(command.leadOfficer(), MAX_NAME, "leadOfficer");
        String reason = EvaluationRules.text(command.reason(), MAX_REASON, "reason");
        if (scheduledDate != null && (reason == null || reason.isEmpty())) {
            throw new RuleViolationException("reschedule-reason", "reason", "The deep dive was scheduled for "
                    + scheduledDate + "; moving it needs a reason");
        }
        apply(new DeepDiveScheduledEvent(contractId, year.year(), command.date(), lead, scheduledDate,
                scheduledDate == null ? null : reason));
    }

    /** 409 {@code deep-dive-not-started} once started or finished. */
    @CommandHandler
    public void handle(DeepDiveCommands.Start command, Clock clock) {
        notStarted("started");
        apply(new DeepDiveStartedEvent(contractId, year.year(), LocalDate.now(clock), command.officer()));
    }

    /**
     * 409 {@code deep-dive-in-progress} unless started and not finished; 400 {@code area-within-nine},
     * {@code grade-on-scale}, {@code variation-on-area-9}, {@code variation-reason}, {@code text-limit}.
     */
    @CommandHandler
    public void handle(DeepDiveCommands.GradeArea command) {
        Area area = Area.number(command.areaNumber());
        Grade grade = Grade.parse(command.grade(), "grade");
        inProgress("graded");
        String evidence = EvaluationRules.text(command.evidence(), MAX_TEXT, "evidence");
        String findings = EvaluationRules.text(command.findings(), MAX_TEXT, "findings");
        String reason = null;
        if (command.variationRecommended()) {
            if (area != Area.LESSONS_AND_VARIATION) {
                throw new RuleViolationException("variation-on-area-9", "variationRecommended", "Only area 9 ("
                        + Area.LESSONS_AND_VARIATION.title() + ") recommends a formal variation; this is area "
                        + area.label());
            }
            if (command.variationReason() == null || command.variationReason().isBlank()) {
                throw new RuleViolationException("variation-reason", "variationReason",
                        "A recommended variation needs a reason: why it is needed, whether it is possible, and how");
            }
            reason = EvaluationRules.text(command.variationReason(), MAX_REASON, "variationReason");
        }
        apply(new DeepDiveAreaGradedEvent(contractId, year.year(), area, grade, evidence, findings, reason));
    }

    /**
     * 409 {@code deep-dive-in-progress}; 400 {@code all-areas-graded} (naming the missing areas),
     * {@code grade-on-scale}, {@code rationale-when-overall-differs}, {@code text-limit}, {@code list-limit},
     * {@code text-required}, {@code action-owner-and-due-date}.
     */
    @CommandHandler
    public void handle(DeepDiveCommands.Complete command, Clock clock) {
        inProgress("completed");
        List<Area> missing = Arrays.stream(Area.values()).filter(a -> !grades.containsKey(a)).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolationException("all-areas-graded", "areas", "Completing needs all nine areas "
                    + "graded; not graded: " + missing.stream().map(Area::label).collect(Collectors.joining(", ")));
        }
        Grade overall = Grade.parse(command.overallGrade(), "overallGrade");
        Grade suggested = SuggestedGrade.of(grades.values());
        String rationale = EvaluationRules.text(command.rationale(), MAX_TEXT, "rationale");
        if (overall != suggested && (rationale == null || rationale.isEmpty())) {
            throw new RuleViolationException("rationale-when-overall-differs", "rationale", "The overall grade "
                    + overall + " differs from the suggested " + suggested + "; give the rationale");
        }
        apply(new DeepDiveCompletedEvent(contractId, year.year(), LocalDate.now(clock), overall, suggested,
                overall == suggested ? null : rationale,
                grades.entrySet().stream().map(e -> new AreaGrade(e.getKey(), e.getValue())).toList(),
                EvaluationRules.items(command.strengths(), "strengths"),
                EvaluationRules.items(command.areasForImprovement(), "areasForImprovement"),
                EvaluationRules.actions(command.actions()), variationReason, false, null));
        if (variationReason != null) {
            apply(new VariationRecommendedEvent(contractId, year.year(), variationReason));
        }
    }

    /**
     * 409 {@code deep-dive-open} once finished; 400 {@code completed-on-not-future}, {@code text-required} (the
     * source reference).
     */
    @CommandHandler
    public void handle(DeepDiveCommands.RecordHistoricCompletion command, Clock clock) {
        open("recorded complete");
        String source = EvaluationRules.required(command.sourceReference(), MAX_REASON, "sourceReference");
        LocalDate today = LocalDate.now(clock);
        LocalDate completedOn = command.completedOn() == null ? today : command.completedOn();
        if (completedOn.isAfter(today)) {
            throw new RuleViolationException("completed-on-not-future", "completedOn", "A deep dive cannot be "
                    + "recorded as completed on " + completedOn + ", after today (" + today + ")");
        }
        apply(new DeepDiveCompletedEvent(contractId, year.year(), completedOn, null, null, null, List.of(),
                List.of(), List.of(), List.of(), null, true, source));
    }

    /**
     * Once per due date, only for an open deep dive whose due date is still the one seen and has passed; returns
     * whether it was recorded.
     */
    @CommandHandler
    public boolean handle(DeepDiveCommands.RecordOverdue command, Clock clock) {
        if (status.isFinished() || !command.dueDate().equals(dueDate) || dueDate.equals(overdueFor)
                || !LocalDate.now(clock).isAfter(dueDate)) {
            return false;
        }
        apply(new DeepDiveOverdueEvent(contractId, year.year(), dueDate));
        return true;
    }

    /** 409 {@code deep-dive-open} once finished; 400 {@code text-required} without a reason. */
    @CommandHandler
    public void handle(DeepDiveCommands.Cancel command) {
        open("cancelled");
        apply(new DeepDiveCancelledEvent(contractId, year.year(),
                EvaluationRules.required(command.reason(), MAX_REASON, "reason")));
    }

    @EventSourcingHandler
    void on(DeepDivePlannedEvent event) {
        identify(event);
        status = DeepDiveStatus.PLANNED;
        dueDate = event.dueDate();
    }

    @EventSourcingHandler
    void on(DeepDiveScheduledEvent event) {
        status = DeepDiveStatus.SCHEDULED;
        scheduledDate = event.date();
        dueDate = event.date();
    }

    @EventSourcingHandler
    void on(DeepDiveStartedEvent event) {
        status = DeepDiveStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(DeepDiveAreaGradedEvent event) {
        grades.put(event.area(), event.grade());
        if (event.area() == Area.LESSONS_AND_VARIATION) {
            variationReason = event.variationReason();
        }
    }

    @EventSourcingHandler
    void on(DeepDiveCompletedEvent event) {
        status = DeepDiveStatus.COMPLETE;
    }

    @EventSourcingHandler
    void on(DeepDiveOverdueEvent event) {
        overdueFor = event.dueDate();
    }

    @EventSourcingHandler
    void on(DeepDiveCancelledEvent event) {
        status = DeepDiveStatus.CANCELLED;
    }

    private void identify(DeepDiveEvent event) {
        deepDiveId = event.deepDiveId();
        contractId = event.contractId();
        year = new ProgrammeYear(event.programmeYear());
    }

    /** The status as shown: OVERDUE while the current due date was recorded passed and the deep dive is open. */
    private String status() {
        return DeepDiveStatus.shown(status, dueDate, overdueFor).name();
    }

    private void open(String action) {
        if (status.isFinished()) {
            throw new StateConflictException("deep-dive-open", status(), "The deep dive is " + status()
                    + "; it cannot be " + action);
        }
    }

    private void notStarted(String action) {
        open(action);
        if (status == DeepDiveStatus.IN_PROGRESS) {
            throw new StateConflictException("deep-dive-not-started", status(), "The deep dive has started; it "
                    + "cannot be " + action + " again");
        }
    }

    private void inProgress(String action) {
        if (status != DeepDiveStatus.IN_PROGRESS) {
            throw new StateConflictException("deep-dive-in-progress", status(), "The deep dive is " + status()
                    + "; it is " + action + " only while in progress");
        }
    }
}
