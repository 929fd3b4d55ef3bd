package org.commissioning.kpi.application;

import java.time.YearMonth;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.RecordCouncilFiguresCommand;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * An officer records the council's own figures for a month (JSON, or a CSV through {@link ImportFiguresCsv}),
 * for KPIs whose expected source is COUNCIL or BOTH, before or after the provider's return; the return
 * triangulates them with the provider's values.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RecordCouncilFigures {

    public record Input(String contractId, YearMonth period, List<SubmittedValue> values) {
    }

    /** @param values how many figures were recorded */
    public record Recorded(String returnId, String contractId, YearMonth period, String recordedBy, int values) {
    }

    private final ContractFigures contracts;

    public Recorded record(Input input) {
        String id = input.contractId();
        KnownContract contract = contracts.known(id, Permission.MANAGE_CONTRACTS);
        contracts.requireActive(id, input.period());
        String actor = Actor.required("Council figures record who entered them");
        List<SubmittedValue> values = input.values() == null ? List.of() : input.values();
        String returnId = MonthlyReturnId.of(id, input.period());
        try {
            contracts.sendCreating(new RecordCouncilFiguresCommand(returnId, id, input.period(), values, actor,
                    ContractFigures.facts(contract), contracts.frameworks(id)));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new StateConflictException("return-changed-concurrently", "CHANGED", "The return of contract " + id
                    + " for " + input.period() + " was changed at the same time; read it again and retry");
        }
        return new Recorded(returnId, id, input.period(), actor, values.size());
    }
}
