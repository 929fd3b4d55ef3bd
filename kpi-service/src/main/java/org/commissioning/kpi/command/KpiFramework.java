package org.commissioning.kpi.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.YearMonth;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.kpi.api.DefineKpiFrameworkCommand;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.FrameworkVersionWritten;
import org.commissioning.kpi.api.KpiFrameworkDefinedEvent;
import org.commissioning.kpi.api.KpiFrameworkRevisedEvent;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.ReviseKpiFrameworkCommand;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;

/**
 * A contract's KPI framework and its versions, keyed by the contract id. The current month comes from the
 * {@link Clock} (the council's, Europe/London; a fixed clock in tests): a version starts at most
 * {@link FrameworkRules#requireEffectiveFrom a year ahead}.
 */
@Aggregate
public class KpiFramework {

    @AggregateIdentifier
    private String contractId;
    private FrameworkHistory history = FrameworkHistory.NONE;

    protected KpiFramework() {
    }

    /** Created if missing, so defining a framework twice is refused here, by rule, rather than by the store. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineKpiFrameworkCommand command, Clock clock) {
        if (history.defined()) {
            throw new StateConflictException("framework-already-defined", "DEFINED", "Contract " + command.contractId()
                    + " already has a KPI framework (version " + history.latest().orElseThrow().version()
                    + "); revise it with an effectiveFrom period instead");
        }
        FrameworkRules.requireEffectiveFrom(command.effectiveFrom(), YearMonth.now(clock));
        apply(new KpiFrameworkDefinedEvent(command.contractId(), 1, command.effectiveFrom(),
                FrameworkRules.accepted(command.kpis()), command.template()));
    }

    @CommandHandler
    public void handle(ReviseKpiFrameworkCommand command, Clock clock) {
        FrameworkRules.requireEffectiveFrom(command.effectiveFrom(), YearMonth.now(clock));
        KpiFrameworkVersion latest = history.latest().orElseThrow();
        if (!command.effectiveFrom().isAfter(latest.effectiveFrom())) {
            throw new RuleViolationException("effective-from-not-after-latest", "effectiveFrom",
                    "A revision applies from a period after " + latest.effectiveFrom() + ", when version "
                            + latest.version() + " took effect, so earlier periods keep their version; got "
                            + command.effectiveFrom());
        }
        apply(new KpiFrameworkRevisedEvent(contractId, latest.version() + 1, command.effectiveFrom(),
                FrameworkRules.accepted(command.kpis()), command.template()));
    }

    /** Defined or revised: one more version. */
    @EventSourcingHandler
    void on(FrameworkVersionWritten event) {
        this.contractId = event.contractId();
        this.history = history.with(event.toVersion());
    }
}
