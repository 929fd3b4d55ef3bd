package org.commissioning.contract.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.contract.api.AssignContractOfficersCommand;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.commissioning.contract.api.ClosePlanCommand;
import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractOfficersAssignedEvent;
import org.commissioning.contract.api.ContractRatingRecordedEvent;
import org.commissioning.contract.api.ContractRecommissionedEvent;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.FlagOverdueMeetingCommand;
import org.commissioning.contract.api.MonitoringCadence;
import org.commissioning.contract.api.MonitoringCadenceChangedEvent;
import org.commissioning.contract.api.MonitoringMeetingHeldEvent;
import org.commissioning.contract.api.MonitoringMeetingOverdueEvent;
import org.commissioning.contract.api.RecordContractRatingCommand;
import org.commissioning.contract.api.RecordMonitoringMeetingCommand;
import org.commissioning.contract.api.SetMonitoringCadenceCommand;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ContractWarningIssuedEvent;
import org.commissioning.contract.api.ExpireContractCommand;
import org.commissioning.contract.api.ExtendContractCommand;
import org.commissioning.contract.api.Geography;
import org.commissioning.contract.api.IssueContractWarningCommand;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PaymentWithheldEvent;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanKind;
import org.commissioning.contract.api.PlanStartedEvent;
import org.commissioning.contract.api.RecommissionContractCommand;
import org.commissioning.contract.api.RecommissioningRoute;
import org.commissioning.contract.api.RegisterContractCommand;
import org.commissioning.contract.api.StartPlanCommand;
import org.commissioning.contract.api.TerminateContractCommand;
import org.commissioning.contract.api.VaryContractCommand;
import org.commissioning.contract.api.WithholdPaymentCommand;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;

/**
 * A commissioned contract, from registration to recommissioning.
 * <p>
 * Each command handler decides in this order: the caller's expected version (a stale one is refused before
 * anything else, so the caller rereads rather than acting on a state it has not seen), then the contract's state
 * ({@link StateConflictException}), then the command's input ({@link RuleViolationException}); only then does it
 * apply an event. State changes only in the event sourcing handlers. Handlers of an existing contract answer with
 * the contract's version after the command. "Today" is the injected {@link Clock}'s date.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("1")
public class Contract {

    static final int MAX_EXTENSION_MONTHS = 60;

    @AggregateIdentifier
    private String contractId;
    private ContractStatus status;
    private BigDecimal annualValueGbp;
    private LocalDate start;
    private LocalDate end;
    private int extensionMonths;
    private LocalDate extendedTo;
    private String leadOfficer;
    private String contractManager;
    private int plansStarted;
    private Integer openPlanNumber;
    private PlanKind openPlanKind;
    private int warningsIssued;
    private LocalDate terminationEffective;
    private final Map<YearMonth, PaymentDecision> payments = new HashMap<>();
    private MonitoringCadence cadence;
    private int meetingsHeld;
    private LocalDate lastMeetingHeldOn;
    private LocalDate nextMeetingDue;
    private LocalDate overdueFlaggedFor;
    private final TreeMap<YearMonth, String> ratings = new TreeMap<>();
    /** The red streaks escalation was due for, as their first and last month when it was. */
    private final List<Streak> escalatedStreaks = new ArrayList<>();

    static final Set<String> RATINGS = Set.of("STRETCH", "GREEN", "AMBER", "RED", "NOT_RATED");

    protected Contract() {
    }

    @CommandHandler
    public Contract(RegisterContractCommand command) {
        requireText(command.provider(), "provider");
        if (command.serviceArea() == null) {
            throw new RuleViolationException("service-area-required", "serviceArea", "A contract needs a service area");
        }
        requireValidLot(command.lot());
        requireNotNegative(command.annualValueGbp(), "annualValueGbp");
        if (command.start() != null && command.end() != null && !command.end().isAfter(command.start())) {
            throw new RuleViolationException("end-after-start", "end",
                    "The end date " + command.end() + " must be after the start date " + command.start());
        }
        int extension = command.extensionMonths() == null ? 0 : command.extensionMonths();
        if (extension < 0 || extension > MAX_EXTENSION_MONTHS) {
            throw new RuleViolationException("extension-months-range", "extensionMonths",
                    "An extension is 0 to " + MAX_EXTENSION_MONTHS + " months, not " + extension);
        }
        apply(new ContractRegisteredEvent(command.contractId(), command.provider().trim(), command.serviceArea(),
                command.lot(), command.annualValueGbp(), command.start(), command.end(), extension));
    }

    @CommandHandler
    public long handle(VaryContractCommand command) {
        requireVersion(command.expectedVersion());
        requireActive("varied");
        if (command.annualValueGbp() == null && command.end() == null) {
            throw new RuleViolationException("nothing-to-vary", null,
                    "A variation changes the annual value, the end date or both");
        }
        requireNotNegative(command.annualValueGbp(), "annualValueGbp");
        String reason = requireText(command.reason(), "reason");
        LocalDate effective = require(command.effectiveDate(), "effectiveDate");
        requireWithinTerm(effective, "effectiveDate", "The variation's effective date");
        if (command.end() != null) {
            if (start != null && !command.end().isAfter(start)) {
                throw new RuleViolationException("end-after-start", "end",
                        "The end date " + command.end() + " must be after the start date " + start);
            }
            if (command.end().isBefore(effective)) {
                throw new RuleViolationException("end-not-before-effective-date", "end",
                        "The new end date " + command.end() + " is before the variation takes effect on " + effective);
            }
        }
        BigDecimal newValue = command.annualValueGbp() == null ? annualValueGbp : command.annualValueGbp();
        LocalDate newEnd = command.end() == null ? end : command.end();
        if (sameAmount(newValue, annualValueGbp) && Objects.equals(newEnd, end)) {
            throw new RuleViolationException("nothing-to-vary", null,
                    "The contract already has annual value " + annualValueGbp + " and end date " + end);
        }
        apply(new ContractVariedEvent(contractId, newValue, newEnd, annualValueGbp, end, effective, reason));
        return version();
    }

    @CommandHandler
    public long handle(ExtendContractCommand command, Clock clock) {
        requireVersion(command.expectedVersion());
        requireActive("extended");
        if (extendedTo != null) {
            throw new StateConflictException("extension-once", "EXTENDED",
                    "Contract " + contractId + " has used its extension already (to " + extendedTo + ")");
        }
        if (extensionMonths == 0) {
            throw new StateConflictException("extension-option-required", status.name(),
                    "Contract " + contractId + " has no extension option");
        }
        if (end == null) {
            throw new StateConflictException("end-date-required", status.name(),
                    "Contract " + contractId + " has no end date recorded; vary its term instead");
        }
        LocalDate today = LocalDate.now(clock);
        if (!today.isBefore(end)) {
            throw new StateConflictException("extension-before-end", status.name(), "Contract " + contractId
                    + " ends on " + end + "; it can be extended only before its end date (today is " + today + ")");
        }
        LocalDate latest = end.plusMonths(extensionMonths);
        LocalDate newEnd = command.end() == null ? latest : command.end();
        if (!newEnd.isAfter(end)) {
            throw new RuleViolationException("extension-after-end", "end",
                    "An extension must end after the current end date " + end + ", not on " + newEnd);
        }
        if (newEnd.isAfter(latest)) {
            throw new StateConflictException("extension-within-option", status.name(), "An extension of "
                    + extensionMonths
                    + " months allows an end date up to " + latest + ", not " + newEnd);
        }
        apply(new ContractExtendedEvent(contractId, newEnd, end, optionalText(command.reason())));
        return version();
    }

    @CommandHandler
    public long handle(AssignContractOfficersCommand command) {
        requireVersion(command.expectedVersion());
        String lead = requireText(command.leadOfficer(), "leadOfficer");
        String manager = requireText(command.contractManager(), "contractManager");
        if (lead.equals(leadOfficer) && manager.equals(contractManager)) {
            return version();
        }
        apply(new ContractOfficersAssignedEvent(contractId, lead, manager));
        return version();
    }

    @CommandHandler
    public long handle(StartPlanCommand command, Clock clock) {
        requireVersion(command.expectedVersion());
        requireActive("put on a plan");
        if (openPlanNumber != null) {
            throw new StateConflictException("one-open-plan", openPlanKind.name() + "_OPEN", "Contract " + contractId
                    + " has "
                    + openPlanKind.label().toLowerCase() + " " + openPlanNumber + " open; close it first");
        }
        PlanKind kind = require(command.kind(), "kind");
        LocalDate today = LocalDate.now(clock);
        List<PlanAction> actions = command.actions() == null ? List.of() : command.actions();
        if (actions.isEmpty()) {
            throw new RuleViolationException("actions-required", "actions", "A plan needs at least one action");
        }
        List<PlanAction> checked = checkedActions(actions, today, "action-due-not-in-past",
                "the plan starts");
        apply(new PlanStartedEvent(contractId, plansStarted + 1, kind, optionalText(command.reason()), checked, today));
        return version();
    }

    @CommandHandler
    public long handle(ClosePlanCommand command, Clock clock) {
        requireVersion(command.expectedVersion());
        if (openPlanNumber == null) {
            throw new StateConflictException("open-plan-required", "NO_OPEN_PLAN",
                    "Contract " + contractId + " has no open plan to close");
        }
        String outcome = requireText(command.outcome(), "outcome");
        apply(new PlanClosedEvent(contractId, openPlanNumber, openPlanKind, outcome, LocalDate.now(clock)));
        return version();
    }

    @CommandHandler
    public long handle(IssueContractWarningCommand command, Clock clock) {
        requireVersion(command.expectedVersion());
        requireActive("warned");
        List<String> reasons = command.reasons() == null ? List.of() : command.reasons();
        if (reasons.isEmpty()) {
            throw new RuleViolationException("reasons-required", "reasons", "A formal warning gives its reasons");
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            checked.add(requireText(reasons.get(i), "reasons[" + i + "]"));
        }
        LocalDate deadline = require(command.responseDeadline(), "responseDeadline");
        LocalDate today = LocalDate.now(clock);
        if (!deadline.isAfter(today)) {
            throw new RuleViolationException("deadline-after-issue-date", "responseDeadline",
                    "The response deadline " + deadline + " must be after the warning is issued on " + today);
        }
        apply(new ContractWarningIssuedEvent(contractId, warningsIssued + 1, checked, today, deadline));
        return version();
    }

    @CommandHandler
    public long handle(TerminateContractCommand command) {
        requireVersion(command.expectedVersion());
        requireActive("terminated");
        require(command.initiatedBy(), "initiatedBy");
        LocalDate effective = require(command.effectiveDate(), "effectiveDate");
        requireWithinTerm(effective, "effectiveDate", "The termination's effective date");
        String reason = requireText(command.reason(), "reason");
        apply(new ContractTerminatedEvent(contractId, command.initiatedBy(), effective, reason));
        return version();
    }

    @CommandHandler
    public long handle(ExpireContractCommand command, Clock clock) {
        requireVersion(command.expectedVersion());
        requireActive("expired");
        if (end == null) {
            throw new StateConflictException("end-date-required", status.name(),
                    "Contract " + contractId + " has no end date recorded, so it cannot expire");
        }
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(end)) {
            throw new StateConflictException("expiry-not-before-end", status.name(),
                    "Contract " + contractId + " runs until " + end + "; it cannot expire before then (today is " + today + ")");
        }
        apply(new ContractExpiredEvent(contractId, end));
        return version();
    }

    @CommandHandler
    public long handle(RecommissionContractCommand command) {
        requireVersion(command.expectedVersion());
        if (status == ContractStatus.ACTIVE || status == ContractStatus.RECOMMISSIONED) {
            throw new StateConflictException(status == ContractStatus.ACTIVE ? "recommissioning-after-end"
                    : "recommissioning-once", status.name(), status == ContractStatus.ACTIVE
                    ? "Contract " + contractId + " is active; it is recommissioned once terminated or expired"
                    : "Contract " + contractId + " has been recommissioned already");
        }
        RecommissioningRoute route = require(command.route(), "route");
        if (route == RecommissioningRoute.RE_PROCUREMENT && command.annualValueGbp() == null) {
            throw new RuleViolationException("new-value-required", "annualValueGbp",
                    "A re-procurement states the new annual value");
        }
        requireNotNegative(command.annualValueGbp(), "annualValueGbp");
        String successor = optionalText(command.successorContractId());
        if (successor != null && successor.equals(contractId)) {
            throw new RuleViolationException("successor-is-another-contract", "successorContractId",
                    "A contract cannot succeed itself");
        }
        if (successor != null && route == RecommissioningRoute.IN_HOUSE) {
            throw new RuleViolationException("no-successor-in-house", "successorContractId",
                    "A service brought in-house has no successor contract");
        }
        String reason = requireText(command.reason(), "reason");
        apply(new ContractRecommissionedEvent(contractId, route, command.annualValueGbp(), successor, reason));
        return version();
    }

    @CommandHandler
    public long handle(AuthorisePaymentCommand command, Clock clock) {
        requireVersion(command.expectedVersion());
        Decision d = decide(PaymentDecision.AUTHORISED, command.period(), command.rationale(),
                command.supersedingReason(), clock);
        apply(new PaymentAuthorisedEvent(contractId, d.period, d.rationale, d.today, d.supersedes, d.supersedingReason));
        return version();
    }

    @CommandHandler
    public long handle(WithholdPaymentCommand command, Clock clock) {
        requireVersion(command.expectedVersion());
        Decision d = decide(PaymentDecision.WITHHELD, command.period(), command.rationale(),
                command.supersedingReason(), clock);
        apply(new PaymentWithheldEvent(contractId, d.period, d.rationale, d.today, d.supersedes, d.supersedingReason));
        return version();
    }

    /**
     * A period has one payment decision. A later decision replaces it only when it says why
     * ({@code supersedingReason}) and decides differently; otherwise it is refused as a conflict.
     * Payments can be decided in any status, for a month of the term (up to a termination's effective date)
     * that has begun.
     */
    private Decision decide(PaymentDecision decision, YearMonth period, String rationaleText, String supersedingText,
                            Clock clock) {
        require(period, "period");
        LocalDate today = LocalDate.now(clock);
        PaymentDecision previous = payments.get(period);
        String supersedingReason = optionalText(supersedingText);
        if (previous != null && supersedingReason == null) {
            throw new StateConflictException("payment-already-decided", previous.name(),
                    "The payment of " + period + " is " + previous
                    .name().toLowerCase() + " already; a new decision must give a superseding reason");
        }
        if (previous == decision) {
            throw new StateConflictException("payment-decision-unchanged", previous.name(),
                    "The payment of " + period + " is " + previous.name().toLowerCase() + " already");
        }
        String rationale = requireText(rationaleText, "rationale");
        if (period.isAfter(YearMonth.from(today))) {
            throw new RuleViolationException("period-not-in-future", "period",
                    "The payment of " + period + " cannot be decided before the period begins (today is " + today + ")");
        }
        LocalDate lastDay = terminationEffective != null ? terminationEffective : end;
        if ((start != null && period.isBefore(YearMonth.from(start)))
                || (lastDay != null && period.isAfter(YearMonth.from(lastDay)))) {
            throw new RuleViolationException("period-within-term", "period", "The period " + period
                    + " is outside the contract's term " + (start == null ? "" : start + " ") + "to " + lastDay);
        }
        if (previous == null && supersedingReason != null) {
            throw new RuleViolationException("nothing-to-supersede", "supersedingReason",
                    "The payment of " + period + " has no earlier decision to supersede");
        }
        return new Decision(period, rationale, today, previous, supersedingReason);
    }

    /**
     * Monitoring cadence (000, 1.1.4-1.1.6) from a change of overall rating. An event only when the cadence changes
     * (and the first time); a contract that is no longer active is no longer monitored, so the rating is ignored.
     * The next meeting is due one cadence after the last meeting held, or, before any meeting, one cadence after
     * today (the day the cadence is set); a due date already past is flagged by the overdue scan.
     */
    @CommandHandler
    public long handle(SetMonitoringCadenceCommand command, Clock clock) {
        String rating = requireText(command.rating(), "rating").toUpperCase(Locale.ROOT);
        MonitoringCadence newCadence = MonitoringCadence.forRating(rating);
        if (newCadence == null) {
            throw new RuleViolationException("unknown-rating", "rating",
                    "A cadence follows from STRETCH, GREEN, AMBER or RED, not " + rating);
        }
        LocalDate today = LocalDate.now(clock);
        if (status != ContractStatus.ACTIVE || newCadence == cadence || isAfterCurrentMonth(command.period(), today)) {
            return version();
        }
        LocalDate base = lastMeetingHeldOn == null ? today : lastMeetingHeldOn;
        apply(new MonitoringCadenceChangedEvent(contractId, rating, newCadence, cadence, command.period(), today,
                base.plusMonths(newCadence.months())));
        return version();
    }

    @CommandHandler
    public long handle(RecordMonitoringMeetingCommand command, Clock clock) {
        requireVersion(command.expectedVersion());
        requireActive("monitored");
        LocalDate heldOn = require(command.heldOn(), "heldOn");
        LocalDate today = LocalDate.now(clock);
        if (heldOn.isAfter(today)) {
            throw new RuleViolationException("meeting-not-in-future", "heldOn",
                    "A meeting is recorded once held: " + heldOn + " is after today, " + today);
        }
        if (start != null && heldOn.isBefore(start)) {
            throw new RuleViolationException("date-within-term", "heldOn",
                    "The meeting's date " + heldOn + " is before the contract starts on " + start);
        }
        if (end != null && heldOn.isAfter(end)) {
            throw new RuleViolationException("date-within-term", "heldOn",
                    "The meeting's date " + heldOn + " is after the contract ends on " + end);
        }
        List<String> attendees = command.attendees() == null ? List.of() : command.attendees();
        if (attendees.isEmpty()) {
            throw new RuleViolationException("attendees-required", "attendees", "A meeting names who attended");
        }
        List<String> checkedAttendees = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            checkedAttendees.add(requireText(attendees.get(i), "attendees[" + i + "]"));
        }
        String notes = requireText(command.notes(), "notes");
        List<PlanAction> actions = command.actions() == null ? List.of() : command.actions();
        List<PlanAction> checked = checkedActions(actions, heldOn, "action-due-not-before-meeting",
                "the meeting that agreed it");
        LocalDate latest = lastMeetingHeldOn == null || heldOn.isAfter(lastMeetingHeldOn) ? heldOn : lastMeetingHeldOn;
        LocalDate nextDue = cadence == null ? null : latest.plusMonths(cadence.months());
        apply(new MonitoringMeetingHeldEvent(contractId, meetingsHeld + 1, heldOn, checkedAttendees, notes, checked,
                nextDue));
        return version();
    }

    /** Flags the meeting due before today and not held, once per due date; otherwise does nothing. */
    @CommandHandler
    public long handle(FlagOverdueMeetingCommand command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (status != ContractStatus.ACTIVE || nextMeetingDue == null || !nextMeetingDue.isBefore(today)
                || nextMeetingDue.equals(overdueFlaggedFor)) {
            return version();
        }
        apply(new MonitoringMeetingOverdueEvent(contractId, nextMeetingDue, cadence, lastMeetingHeldOn, today));
        return version();
    }

    /**
     * Records a period's overall rating (the same rating again changes nothing; a different one revises it), then
     * decides escalation: when the contract's current red streak (the consecutive calendar months rated RED that
     * end with its latest rated month) reaches the policy's threshold, the contract is active, has no open plan
     * (improvement or action plan: both are the first step of escalation, 000 1.2.6) and escalation has not been
     * due for any month of this streak yet. NOT_RATED, like any other rating, and a month without a rating end a
     * streak. A plan closed while the streak goes on makes escalation due at the next red month.
     */
    @CommandHandler
    public long handle(RecordContractRatingCommand command, EscalationPolicy policy, Clock clock) {
        YearMonth period = require(command.period(), "period");
        String rating = requireText(command.rating(), "rating").toUpperCase(Locale.ROOT);
        if (!RATINGS.contains(rating)) {
            throw new RuleViolationException("unknown-rating", "rating",
                    "A rating is one of " + RATINGS + ", not " + rating);
        }
        String previous = ratings.get(period);
        if (rating.equals(previous) || isAfterCurrentMonth(period, LocalDate.now(clock))) {
            return version();
        }
        apply(new ContractRatingRecordedEvent(contractId, period, rating, previous));
        List<YearMonth> streak = currentRedStreak();
        if (status == ContractStatus.ACTIVE && openPlanNumber == null && streak.size() >= policy.redMonths()
                && !escalatedAlready(streak.get(0), streak.get(streak.size() - 1))) {
            apply(new EscalationDueEvent(contractId, streak, policy.redMonths(), LocalDate.now(clock)));
        }
        return version();
    }

    /** A rating of a month that has not begun (which rag-service refuses to record) must not drive monitoring. */
    private static boolean isAfterCurrentMonth(YearMonth period, LocalDate today) {
        return period != null && period.isAfter(YearMonth.from(today));
    }

    private List<YearMonth> currentRedStreak() {
        List<YearMonth> streak = new ArrayList<>();
        YearMonth month = ratings.isEmpty() ? null : ratings.lastKey();
        while (month != null && "RED".equals(ratings.get(month))) {
            streak.add(0, month);
            month = month.minusMonths(1);
        }
        return streak;
    }

    private boolean escalatedAlready(YearMonth first, YearMonth last) {
        return escalatedStreaks.stream().anyMatch(s -> !s.first().isAfter(last) && !s.last().isBefore(first));
    }

    private record Streak(YearMonth first, YearMonth last) {
    }

    private record Decision(YearMonth period, String rationale, LocalDate today, PaymentDecision supersedes,
                            String supersedingReason) {
    }

    @EventSourcingHandler
    void on(ContractRegisteredEvent event) {
        this.contractId = event.contractId();
        this.status = ContractStatus.ACTIVE;
        this.annualValueGbp = event.annualValueGbp();
        this.start = event.start();
        this.end = event.end();
        this.extensionMonths = event.extensionMonths() == null ? 0 : event.extensionMonths();
    }

    @EventSourcingHandler
    void on(ContractVariedEvent event) {
        this.annualValueGbp = event.annualValueGbp();
        this.end = event.end();
    }

    @EventSourcingHandler
    void on(ContractExtendedEvent event) {
        this.end = event.end();
        this.extendedTo = event.end();
    }

    @EventSourcingHandler
    void on(ContractOfficersAssignedEvent event) {
        this.leadOfficer = event.leadOfficer();
        this.contractManager = event.contractManager();
    }

    @EventSourcingHandler
    void on(PlanStartedEvent event) {
        this.plansStarted = event.planNumber();
        this.openPlanNumber = event.planNumber();
        this.openPlanKind = event.kind();
    }

    @EventSourcingHandler
    void on(PlanClosedEvent event) {
        this.openPlanNumber = null;
        this.openPlanKind = null;
    }

    @EventSourcingHandler
    void on(ContractWarningIssuedEvent event) {
        this.warningsIssued = event.warningNumber();
    }

    @EventSourcingHandler
    void on(ContractTerminatedEvent event) {
        this.status = ContractStatus.TERMINATED;
        this.terminationEffective = event.effectiveDate();
        endMonitoring();
    }

    @EventSourcingHandler
    void on(ContractExpiredEvent event) {
        this.status = ContractStatus.EXPIRED;
        endMonitoring();
    }

    @EventSourcingHandler
    void on(ContractRecommissionedEvent event) {
        this.status = ContractStatus.RECOMMISSIONED;
        endMonitoring();
    }

    /** An ended contract is no longer monitored: no cadence, no meeting due. */
    private void endMonitoring() {
        this.cadence = null;
        this.nextMeetingDue = null;
    }

    @EventSourcingHandler
    void on(PaymentAuthorisedEvent event) {
        payments.put(event.period(), PaymentDecision.AUTHORISED);
    }

    @EventSourcingHandler
    void on(PaymentWithheldEvent event) {
        payments.put(event.period(), PaymentDecision.WITHHELD);
    }

    @EventSourcingHandler
    void on(MonitoringCadenceChangedEvent event) {
        this.cadence = event.cadence();
        this.nextMeetingDue = event.nextMeetingDue();
    }

    @EventSourcingHandler
    void on(MonitoringMeetingHeldEvent event) {
        this.meetingsHeld = event.meetingNumber();
        if (lastMeetingHeldOn == null || event.heldOn().isAfter(lastMeetingHeldOn)) {
            this.lastMeetingHeldOn = event.heldOn();
        }
        this.nextMeetingDue = event.nextMeetingDue();
    }

    @EventSourcingHandler
    void on(MonitoringMeetingOverdueEvent event) {
        this.overdueFlaggedFor = event.dueDate();
    }

    @EventSourcingHandler
    void on(ContractRatingRecordedEvent event) {
        ratings.put(event.period(), event.rating());
    }

    @EventSourcingHandler
    void on(EscalationDueEvent event) {
        escalatedStreaks.add(new Streak(event.periods().get(0), event.periods().get(event.periods().size() - 1)));
    }

    /**
     * Refuses a command decided on a version the caller has not seen. Axon itself refuses an expected version
     * above the current one when loading, and one below it when committing; checking here as well makes a stale
     * caller hear about it before any refusal that depends on the state it has not seen.
     */
    private void requireVersion(Long expectedVersion) {
        Long current = AggregateLifecycle.getVersion();
        if (expectedVersion != null && current != null && !expectedVersion.equals(current)) {
            throw new ConflictingAggregateVersionException(contractId, expectedVersion, current);
        }
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    private void requireActive(String action) {
        if (status != ContractStatus.ACTIVE) {
            throw new StateConflictException("contract-active", status.name(),
                    "Contract " + contractId + " is " + status + "; it cannot be " + action);
        }
    }

    private void requireWithinTerm(LocalDate date, String field, String what) {
        if ((start != null && date.isBefore(start)) || (end != null && date.isAfter(end))) {
            throw new RuleViolationException("date-within-term", field, what + " " + date
                    + " is outside the contract's term " + (start == null ? "" : start + " ") + "to " + end);
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new RuleViolationException(kebab(field) + "-required", field, field + " is required");
        }
        return value;
    }

    /** Each action complete and not due before {@code notBefore}; errors name the action by its index. */
    private static List<PlanAction> checkedActions(List<PlanAction> actions, LocalDate notBefore, String dueRule,
                                                   String startsWhen) {
        List<PlanAction> checked = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            PlanAction action = actions.get(i);
            String field = "actions[" + i + "]";
            if (action == null) {
                throw new RuleViolationException("action-required", field, "An action cannot be empty");
            }
            String description = requireText(action.description(), field + ".description");
            String owner = requireText(action.owner(), field + ".owner");
            LocalDate due = require(action.dueDate(), field + ".dueDate");
            if (due.isBefore(notBefore)) {
                throw new RuleViolationException(dueRule, field + ".dueDate",
                        "An action cannot be due before " + startsWhen + ": " + due + " is before " + notBefore);
            }
            checked.add(new PlanAction(description, owner, due));
        }
        return checked;
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(kebab(field) + "-required", field, field + " is required");
        }
        return value.trim();
    }

    private static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void requireNotNegative(BigDecimal amount, String field) {
        if (amount != null && amount.signum() < 0) {
            throw new RuleViolationException("value-not-negative", field, "The annual value cannot be negative: " + amount);
        }
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** {@code actions[0].dueDate} becomes {@code action-due-date}, {@code leadOfficer} becomes {@code lead-officer}. */
    private static String kebab(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        return last.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    private static void requireValidLot(Lot lot) {
        if (lot == null || lot.scope() == null) {
            throw new RuleViolationException("lot-required", "lot.scope", "A contract needs a lot: COUNTY, AREA or DISTRICT");
        }
        switch (lot.scope()) {
            case COUNTY -> {
                if (!lot.names().isEmpty()) {
                    throw new RuleViolationException("county-lot-has-no-names", "lot.names",
                            "A county-wide lot names no areas or districts, but got " + lot.names());
                }
            }
            case AREA -> requireKnown(lot.names(), Geography.areas(), "area");
            case DISTRICT -> requireKnown(lot.names(), Geography.districts(), "district");
        }
    }

    private static void requireKnown(List<String> names, List<String> known, String kind) {
        if (names.isEmpty()) {
            throw new RuleViolationException("lot-names-required", "lot.names",
                    "A " + kind + " lot names at least one " + kind + " of " + known);
        }
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("unknown-" + kind, "lot.names",
                    "Unknown " + kind + (unknown.size() > 1 ? "s " : " ") + unknown + "; known: " + known);
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new RuleViolationException("duplicate-" + kind, "lot.names", "A " + kind + " is named twice: " + names);
        }
    }
}
