package org.commissioning.contract.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.commissioning.contract.command.Decisions.optional;
import static org.commissioning.contract.command.Decisions.requireVersion;
import static org.commissioning.contract.command.Decisions.trimmed;
import static org.commissioning.contract.command.Decisions.version;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.contract.api.AssignContractOfficersCommand;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractOfficersAssignedEvent;
import org.commissioning.contract.api.ContractRecommissionedEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ExpireContractCommand;
import org.commissioning.contract.api.ExtendContractCommand;
import org.commissioning.contract.api.IssueContractWarningCommand;
import org.commissioning.contract.api.RecommissionContractCommand;
import org.commissioning.contract.api.RecommissioningRoute;
import org.commissioning.contract.api.RecordContractRatingCommand;
import org.commissioning.contract.api.RecordDeepDiveOutcomeCommand;
import org.commissioning.contract.api.RecordVariationRecommendationCommand;
import org.commissioning.contract.api.RecordMonitoringMeetingCommand;
import org.commissioning.contract.api.RegisterContractCommand;
import org.commissioning.contract.api.StartPlanCommand;
import org.commissioning.contract.api.TerminateContractCommand;
import org.commissioning.contract.api.VaryContractCommand;
import org.commissioning.contract.api.WithholdPaymentCommand;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;

/**
 * A commissioned contract, from registration to recommissioning: its lifecycle and term. Its members decide the
 * rest: {@link Escalation} (plans and warnings), {@link Payments}, {@link MonitoringSchedule}, {@link RedStreak}
 * (ratings and when escalation is due) and {@link DeepDiveFindings} (what its deep dives found); a member that
 * needs the contract's status or term gets it from here.
 * <p>
 * Each command handler decides in this order: the caller's expected version (a stale one is refused before
 * anything else, so the caller rereads rather than acting on a state it has not seen), then the contract's state
 * ({@link StateConflictException}), then the command's rules ({@link RuleViolationException}; the presence and
 * size of its input are checked at the edge); only then does it apply an event. State changes only in the event
 * sourcing handlers. Handlers of an existing contract answer with the contract's version after the command.
 * "Today" is the injected {@link Clock}'s date.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("3")
public class Contract {

    @AggregateIdentifier
    private String contractId;
    private ContractStatus status;
    private ContractTerms terms;
    private Officers officers;
    @AggregateMember
    private final Escalation escalation = new Escalation();
    @AggregateMember
    private final Payments payments = new Payments();
    @AggregateMember
    private final MonitoringSchedule monitoring = new MonitoringSchedule();
    @AggregateMember
    private final RedStreak redStreak = new RedStreak();
    @AggregateMember
    private final DeepDiveFindings deepDives = new DeepDiveFindings();

    protected Contract() {
    }

    @CommandHandler
    public Contract(RegisterContractCommand command) {
        apply(ContractTerms.register(command));
    }

    @CommandHandler
    public long handle(VaryContractCommand command) {
        return whenActive(command.expectedVersion(), "varied", () -> terms.vary(command));
    }

    @CommandHandler
    public long handle(ExtendContractCommand command, Clock clock) {
        return whenActive(command.expectedVersion(), "extended",
                () -> terms.extend(command, status.name(), LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(AssignContractOfficersCommand command) {
        requireVersion(contractId, command.expectedVersion());
        Officers assigned = new Officers(trimmed(command.leadOfficer()), trimmed(command.contractManager()));
        if (!assigned.equals(officers)) {
            apply(new ContractOfficersAssignedEvent(contractId, assigned.lead(), assigned.manager()));
        }
        return version();
    }

    @CommandHandler
    public long handle(TerminateContractCommand command) {
        return whenActive(command.expectedVersion(), "terminated", () -> terms.terminate(command));
    }

    @CommandHandler
    public long handle(ExpireContractCommand command, Clock clock) {
        return whenActive(command.expectedVersion(), "expired",
                () -> terms.expire(contractId, status.name(), LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(RecommissionContractCommand command) {
        requireVersion(contractId, command.expectedVersion());
        if (status == ContractStatus.ACTIVE || status == ContractStatus.RECOMMISSIONED) {
            throw new StateConflictException(status == ContractStatus.ACTIVE ? "recommissioning-after-end"
                    : "recommissioning-once", status.name(), status == ContractStatus.ACTIVE
                    ? "Contract " + contractId + " is active; it is recommissioned once terminated or expired"
                    : "Contract " + contractId + " has been recommissioned already");
        }
        RecommissioningRoute route = command.route();
        if (route == RecommissioningRoute.RE_PROCUREMENT && command.annualValueGbp() == null) {
            throw new RuleViolationException("new-value-required", "annualValueGbp",
                    "A re-procurement states the new annual value");
        }
        ContractTerms.requireNotNegative(command.annualValueGbp(), "annualValueGbp");
        String successor = optional(command.successorContractId());
        if (successor != null && successor.equals(contractId)) {
            throw new RuleViolationException("successor-is-another-contract", "successorContractId",
                    "A contract cannot succeed itself");
        }
        if (successor != null && route == RecommissioningRoute.IN_HOUSE) {
            throw new RuleViolationException("no-successor-in-house", "successorContractId",
                    "A service brought in-house has no successor contract");
        }
        apply(new ContractRecommissionedEvent(contractId, route, command.annualValueGbp(), successor,
                trimmed(command.reason())));
        return version();
    }

    @CommandHandler
    public long handle(StartPlanCommand command, Clock clock) {
        return whenActive(command.expectedVersion(), "put on a plan",
                () -> escalation.startPlan(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(IssueContractWarningCommand command, Clock clock) {
        return whenActive(command.expectedVersion(), "warned", () -> escalation.warn(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(AuthorisePaymentCommand command, Clock clock) {
        return decide(command.expectedVersion(),
                () -> payments.authorise(command, terms.payable(), LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(WithholdPaymentCommand command, Clock clock) {
        return decide(command.expectedVersion(),
                () -> payments.withhold(command, terms.payable(), LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(RecordMonitoringMeetingCommand command, Clock clock) {
        return whenActive(command.expectedVersion(), "monitored",
                () -> monitoring.meeting(command, terms.term(), LocalDate.now(clock)));
    }

    /** Escalation may be due for an active contract without an open plan (a plan is escalation's first step). */
    @CommandHandler
    public long handle(RecordContractRatingCommand command, EscalationPolicy policy, Clock clock) {
        boolean mayEscalate = status == ContractStatus.ACTIVE && !escalation.planOpen();
        redStreak.record(command, mayEscalate, policy, LocalDate.now(clock)).forEach(AggregateLifecycle::apply);
        return version();
    }

    /**
     * An INADEQUATE deep dive makes escalation due on an active contract, whether or not a plan is open (then the
     * next step is a formal warning); an ended contract is no longer escalated.
     */
    @CommandHandler
    public long handle(RecordDeepDiveOutcomeCommand command, Clock clock) {
        if (status == ContractStatus.ACTIVE) {
            deepDives.outcome(command, LocalDate.now(clock)).ifPresent(AggregateLifecycle::apply);
        }
        return version();
    }

    /** A variation recommended for an active contract waits for the officer; an ended one is no longer varied. */
    @CommandHandler
    public long handle(RecordVariationRecommendationCommand command, Clock clock) {
        if (status == ContractStatus.ACTIVE) {
            deepDives.recommend(command, LocalDate.now(clock)).ifPresent(AggregateLifecycle::apply);
        }
        return version();
    }

    @EventSourcingHandler
    void on(ContractRegisteredEvent event) {
        this.contractId = event.contractId();
        this.status = ContractStatus.ACTIVE;
        this.terms = ContractTerms.registered(event);
    }

    @EventSourcingHandler
    void on(ContractVariedEvent event) {
        this.terms = terms.varied(event);
    }

    @EventSourcingHandler
    void on(ContractExtendedEvent event) {
        this.terms = terms.extended(event);
    }

    @EventSourcingHandler
    void on(ContractOfficersAssignedEvent event) {
        this.officers = new Officers(event.leadOfficer(), event.contractManager());
    }

    @EventSourcingHandler
    void on(ContractTerminatedEvent event) {
        this.terms = terms.terminatedOn(event.effectiveDate());
        end(ContractStatus.TERMINATED);
    }

    @EventSourcingHandler
    void on(ContractExpiredEvent event) {
        end(ContractStatus.EXPIRED);
    }

    @EventSourcingHandler
    void on(ContractRecommissionedEvent event) {
        end(ContractStatus.RECOMMISSIONED);
    }

    /** An ended contract is no longer monitored. */
    private void end(ContractStatus ended) {
        this.status = ended;
        monitoring.end();
    }

    /** Decides on an active contract: the caller's version first, then the state, then the rules of the decision. */
    private long whenActive(Long expectedVersion, String action, Supplier<Object> decision) {
        requireVersion(contractId, expectedVersion);
        requireActive(action);
        apply(decision.get());
        return version();
    }

    /** Decides whatever the contract's state: the caller's version first, then the rules of the decision. */
    private long decide(Long expectedVersion, Supplier<Object> decision) {
        requireVersion(contractId, expectedVersion);
        apply(decision.get());
        return version();
    }

    /** The lead officer and the contract manager, as assigned. */
    record Officers(String lead, String manager) {
    }

    private void requireActive(String action) {
        if (status != ContractStatus.ACTIVE) {
            throw new StateConflictException("contract-active", status.name(),
                    "Contract " + contractId + " is " + status + "; it cannot be " + action);
        }
    }
}
