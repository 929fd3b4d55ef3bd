package org.commissioning.kpi.application;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.SubmitMonthlyReturnCommand;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.kpi.query.KpiFrameworks;
import org.commissioning.kpi.query.MonthlyReturnsProjection;
import org.commissioning.platform.domain.StateConflictException;
import org.springframework.stereotype.Service;

/**
 * A provider submits its return for a month (JSON, or a CSV through {@link ImportReturnCsv}): checked against the
 * contract as known, the framework versions read from the framework's own events and the month's due date; the
 * return itself decides. A second submission is 409 {@code return-already-submitted}.
 */
@Service
public class SubmitMonthlyReturn {

    /** @param period null is refused by the return ({@code period-required}) */
    public record Input(String contractId, YearMonth period, List<SubmittedValue> values, String narrative) {
    }

    /** @param frameworkVersion the version the return was taken under */
    public record Submitted(String returnId, String contractId, YearMonth period, int frameworkVersion) {
    }

    private final ContractChecks contracts;
    private final KpiFrameworks frameworks;
    private final MonthlyReturnsProjection returns;
    private final ReturnCommands commands;
    private final ReturnDueDates dueDates;

    SubmitMonthlyReturn(ContractChecks contracts, KpiFrameworks frameworks, MonthlyReturnsProjection returns,
                        ReturnCommands commands, ReturnDueDates dueDates) {
        this.contracts = contracts;
        this.frameworks = frameworks;
        this.returns = returns;
        this.commands = commands;
        this.dueDates = dueDates;
    }

    public Submitted submit(Input input) {
        String id = input.contractId();
        YearMonth period = input.period();
        KnownContract contract = contracts.known(id);
        if (period != null) {
            contracts.requireActive(id, period);
        }
        FrameworkHistory history = frameworks.of(id);
        String returnId = MonthlyReturnId.of(id, period);
        try {
            commands.sendCreating(new SubmitMonthlyReturnCommand(returnId, id, period,
                    input.values() == null ? List.of() : input.values(), input.narrative(), Actor.current(),
                    ContractChecks.facts(contract), history, period == null ? null : dueDates.of(period)));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new StateConflictException("return-already-submitted", "SUBMITTED", "The return of contract " + id
                    + " for " + period + " has already been submitted; correct its values instead");
        }
        int version = returns.find(returnId).map(MonthlyReturnView::frameworkVersion).filter(v -> v > 0)
                .orElseGet(() -> history.inForce(period).orElseThrow().version());
        return new Submitted(returnId, id, period, version);
    }
}
