package org.commissioning.kpi.application;

import java.time.YearMonth;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.SubmitMonthlyReturnCommand;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A provider submits its return for a month (JSON, or a CSV through {@link ImportFiguresCsv}): checked against the
 * contract as known, the framework versions read from the framework's own events and the month's due date; the
 * return itself decides. A second submission is 409 {@code return-already-submitted}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SubmitMonthlyReturn {

    /** @param period null is refused by the return ({@code period-required}) */
    public record Input(String contractId, YearMonth period, List<SubmittedValue> values, String narrative) {
    }

    /** @param frameworkVersion the version the return was taken under */
    public record Submitted(String returnId, String contractId, YearMonth period, int frameworkVersion) {
    }

    private final ContractFigures contracts;
    private final ReturnDueDates dueDates;

    public Submitted submit(Input input) {
        String id = input.contractId();
        YearMonth period = input.period();
        KnownContract contract = contracts.known(id, Permission.SUBMIT_RETURNS);
        if (period != null) {
            contracts.requireActive(id, period);
        }
        FrameworkHistory history = contracts.frameworks(id);
        String returnId = MonthlyReturnId.of(id, period);
        try {
            contracts.sendCreating(new SubmitMonthlyReturnCommand(returnId, id, period,
                    input.values() == null ? List.of() : input.values(), input.narrative(), Actor.current(),
                    ContractFigures.facts(contract), history, period == null ? null : dueDates.of(period)));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new StateConflictException("return-already-submitted", "SUBMITTED", "The return of contract " + id
                    + " for " + period + " has already been submitted; correct its values instead");
        }
        int version = contracts.returns().find(returnId).map(MonthlyReturnView::frameworkVersion).filter(v -> v > 0)
                .orElseGet(() -> history.inForce(period).orElseThrow().version());
        return new Submitted(returnId, id, period, version);
    }
}
