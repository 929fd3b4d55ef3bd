package org.commissioning.rag.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.rag.api.KpiNoticeAssessment;
import org.commissioning.rag.api.NoticeRating;
import org.commissioning.rag.api.PerformanceNoticeCommands;
import org.commissioning.rag.api.PerformanceNoticeConfirmedEvent;
import org.commissioning.rag.api.PerformanceNoticeConfirmedEvent.ConfirmedKpi;
import org.commissioning.rag.api.PerformanceNoticeDraftedEvent;
import org.commissioning.rag.api.PerformanceNoticeOverdueEvent;

/**
 * A contract's Procurement Act 2023 contract performance notices (s.71), one per assessment year (keyed by its
 * first month): drafted from the ratings (again, while a draft), confirmed once by an officer, and recorded overdue
 * at most once. A stream of its own ({@link PerformanceNoticeCommands#id}) beside the contract's ratings.
 */
@Aggregate
public class PerformanceNotices {

    /** No notice has been drafted for the year. */
    public static final String NONE = "NONE";
    public static final String DRAFT = "DRAFT";
    public static final String CONFIRMED = "CONFIRMED";

    @AggregateIdentifier
    private String noticesId;
    private final Map<YearMonth, PerformanceNoticeDraftedEvent> drafts = new HashMap<>();
    private final Set<YearMonth> confirmed = new HashSet<>();
    private final Set<YearMonth> overdue = new HashSet<>();

    protected PerformanceNotices() {
    }

    /** A confirmed notice is not drafted again (409 {@code notice-not-confirmed}). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PerformanceNoticeCommands.Draft command) {
        YearMonth year = command.draft().yearFrom();
        if (confirmed.contains(year)) {
            throw new StateConflictException("notice-not-confirmed", CONFIRMED, "The notice of the year from " + year
                    + " is confirmed; it is not drafted again");
        }
        apply(command.draft());
    }

    /**
     * Confirms the draft with the officer's amendments: a year without a draft is 409 {@code notice-drafted}, a
     * confirmed one 409 {@code notice-not-confirmed}, an amendment of a KPI not in the notice 400
     * {@code amended-kpi-in-notice}.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PerformanceNoticeCommands.Confirm command) {
        YearMonth year = command.yearFrom();
        if (confirmed.contains(year)) {
            throw new StateConflictException("notice-not-confirmed", CONFIRMED, "The notice of the year from " + year
                    + " is confirmed already");
        }
        PerformanceNoticeDraftedEvent draft = drafts.get(year);
        if (draft == null) {
            throw new StateConflictException("notice-drafted", NONE, "No notice of the year from " + year
                    + " has been drafted; draft it first");
        }
        Map<String, NoticeRating> amendments = command.amendments() == null ? Map.of() : command.amendments();
        Set<String> codes = new HashSet<>();
        draft.kpis().forEach(k -> codes.add(k.kpiCode()));
        for (String code : amendments.keySet()) {
            if (!codes.contains(code)) {
                throw new RuleViolationException("amended-kpi-in-notice", "amendments",
                        "KPI " + code + " is not in the notice; its KPIs are " + codes);
            }
        }
        List<ConfirmedKpi> kpis = new ArrayList<>();
        for (KpiNoticeAssessment kpi : draft.kpis()) {
            kpis.add(new ConfirmedKpi(kpi.kpiCode(), kpi.rating(), amendments.getOrDefault(kpi.kpiCode(),
                    kpi.rating())));
        }
        boolean amended = kpis.stream().anyMatch(k -> k.derived() != k.confirmed());
        apply(new PerformanceNoticeConfirmedEvent(command.contractId(), year, draft.yearTo(), kpis,
                PerformanceNoticePolicy.overall(kpis.stream().map(ConfirmedKpi::confirmed).toList()), amended,
                command.rationale().strip(), command.officer(), draft.policyVersion()));
    }

    /** Once per notice, and not for a confirmed one: a repeated scan changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PerformanceNoticeCommands.RecordOverdue command) {
        if (overdue.contains(command.yearFrom()) || confirmed.contains(command.yearFrom())) {
            return;
        }
        apply(new PerformanceNoticeOverdueEvent(command.contractId(), command.yearFrom(), command.yearTo(),
                command.dueBy(), command.trigger()));
    }

    @EventSourcingHandler
    void on(PerformanceNoticeDraftedEvent event) {
        noticesId = PerformanceNoticeCommands.id(event.contractId());
        drafts.put(event.yearFrom(), event);
    }

    @EventSourcingHandler
    void on(PerformanceNoticeConfirmedEvent event) {
        noticesId = PerformanceNoticeCommands.id(event.contractId());
        confirmed.add(event.yearFrom());
    }

    @EventSourcingHandler
    void on(PerformanceNoticeOverdueEvent event) {
        noticesId = PerformanceNoticeCommands.id(event.contractId());
        overdue.add(event.yearFrom());
    }
}
