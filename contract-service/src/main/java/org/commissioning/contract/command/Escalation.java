package org.commissioning.contract.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.commissioning.contract.api.ClosePlanCommand;
import org.commissioning.contract.api.ContractWarningIssuedEvent;
import org.commissioning.contract.api.IssueContractWarningCommand;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanKind;
import org.commissioning.contract.api.PlanStartedEvent;
import org.commissioning.contract.api.StartPlanCommand;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;

/**
 * The steps of escalation a contract has been through (000 1.2.6): improvement or action plans, at most one open
 * at a time and numbered in order, then formal warnings, numbered in order. Starting a plan or warning needs an
 * active contract, which {@link Contract} checks; closing the open plan is decided here alone.
 */
class Escalation {

    private int plansStarted;
    private Integer openPlanNumber;
    private PlanKind openPlanKind;
    private int warningsIssued;

    /** An open plan is the first step of escalation, so a red streak does not make escalation due while it lasts. */
    boolean planOpen() {
        return openPlanNumber != null;
    }

    PlanStartedEvent startPlan(StartPlanCommand command, LocalDate today) {
        if (planOpen()) {
            throw new StateConflictException("one-open-plan", openPlanKind.name() + "_OPEN", "Contract "
                    + command.contractId() + " has " + openPlanKind.label().toLowerCase() + " " + openPlanNumber
                    + " open; close it first");
        }
        return new PlanStartedEvent(command.contractId(), plansStarted + 1, command.kind(),
                Decisions.optional(command.reason()),
                AgreedActions.dueFrom(command.actions(), today, "action-due-not-in-past", "the plan starts"), today);
    }

    @CommandHandler
    public long handle(ClosePlanCommand command, Clock clock) {
        Decisions.requireVersion(command.contractId(), command.expectedVersion());
        if (!planOpen()) {
            throw new StateConflictException("open-plan-required", "NO_OPEN_PLAN",
                    "Contract " + command.contractId() + " has no open plan to close");
        }
        apply(new PlanClosedEvent(command.contractId(), openPlanNumber, openPlanKind,
                Decisions.trimmed(command.outcome()), LocalDate.now(clock)));
        return Decisions.version();
    }

    ContractWarningIssuedEvent warn(IssueContractWarningCommand command, LocalDate today) {
        if (!command.responseDeadline().isAfter(today)) {
            throw new RuleViolationException("deadline-after-issue-date", "responseDeadline", "The response deadline "
                    + command.responseDeadline() + " must be after the warning is issued on " + today);
        }
        return new ContractWarningIssuedEvent(command.contractId(), warningsIssued + 1,
                command.reasons().stream().map(Decisions::trimmed).toList(), today, command.responseDeadline());
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
}
