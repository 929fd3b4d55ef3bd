package org.commissioning.kpi.application;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.kpi.command.ReturnValueSet;
import org.commissioning.kpi.command.ReturnValues;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A month's figures as CSV ({@link ReturnCsv}), all or nothing: a provider's whole return, or the council's figures
 * (the KPIs whose expected source is COUNCIL or BOTH; no total required). The period is checked first, then every
 * row as the source's values against the framework in force, one by one ({@link ReturnValues}) and across the file
 * ({@link ReturnValueSet}: duplicates, and for the provider the totals of KPIs broken down by district). Any bad row
 * throws {@link CsvRowsException} listing every bad row, so nothing is sent; a good file is submitted or recorded as
 * the JSON figures are, with the same checks of the month as a whole (already submitted or recorded, no framework
 * in force).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ImportFiguresCsv {

    private final ContractFigures contracts;
    private final SubmitMonthlyReturn submit;
    private final RecordCouncilFigures record;

    public SubmitMonthlyReturn.Submitted importReturn(String contractId, YearMonth period, String body,
                                                      String narrative) {
        return submit.submit(new SubmitMonthlyReturn.Input(contractId, period, read(body,
                ReturnValues.Source.PROVIDER, Permission.SUBMIT_RETURNS, contractId, period, "A return for " + period),
                narrative));
    }

    public RecordCouncilFigures.Recorded importCouncilFigures(String contractId, YearMonth period, String body) {
        return record.record(new RecordCouncilFigures.Input(contractId, period, read(body,
                ReturnValues.Source.COUNCIL, Permission.MANAGE_CONTRACTS, contractId, period,
                "Council figures for " + period)));
    }

    /**
     * @param permission what the JSON figures of {@code source} require, checked before the file is read
     * @param what       "A return for 2018-10", "Council figures for 2018-10"
     */
    private List<SubmittedValue> read(String body, ReturnValues.Source source, Permission permission, String id,
                                      YearMonth period, String what) {
        KnownContract contract = contracts.known(id, permission);
        contracts.requireActive(id, period);
        contracts.requireInTerm(id, contract, period, what);
        ReturnCsv.Parsed parsed = ReturnCsv.parse(body);
        List<ReturnCsv.RowError> errors = new ArrayList<>(parsed.errors());
        Optional<KpiFrameworkVersion> framework = contracts.frameworks(id).inForce(period);
        if (framework.isPresent()) {
            errors.addAll(rowErrors(parsed, source, id, contract, period, framework.get()));
        }
        if (!errors.isEmpty()) {
            throw new CsvRowsException(errors.stream().sorted(Comparator.comparingInt(ReturnCsv.RowError::line))
                    .toList());
        }
        return parsed.rows().stream().map(ReturnCsv.Row::submitted).toList();
    }

    private static List<ReturnCsv.RowError> rowErrors(ReturnCsv.Parsed parsed, ReturnValues.Source source, String id,
                                                      KnownContract contract, YearMonth period,
                                                      KpiFrameworkVersion framework) {
        List<ReturnCsv.RowError> errors = new ArrayList<>();
        ReturnValueSet set = new ReturnValueSet();
        for (ReturnCsv.Row row : parsed.rows()) {
            try {
                KpiValueSubmittedEvent value = ReturnValues.check(row.submitted(), "row", source,
                        MonthlyReturnId.of(id, period), id, period, framework, ContractFigures.facts(contract));
                set.add(row.line(), value).ifPresent(duplicate -> errors.add(new ReturnCsv.RowError(row.line(),
                        ReturnValueSet.DUPLICATE, null, duplicate.message(line -> "line " + line))));
            } catch (RuleViolationException e) {
                String field = e.field() == null ? null : e.field().substring(e.field().lastIndexOf('.') + 1);
                errors.add(new ReturnCsv.RowError(row.line(), e.rule(), "row".equals(field) ? null : field,
                        e.getMessage()));
            }
        }
        if (source == ReturnValues.Source.PROVIDER) {
            set.withoutTotal().forEach((code, line) -> errors.add(new ReturnCsv.RowError(line,
                    ReturnValueSet.TOTAL_MISSING, "district", ReturnValueSet.totalMissing(code))));
        }
        if (parsed.errors().isEmpty() && parsed.rows().isEmpty()) {
            errors.add(new ReturnCsv.RowError(1, "values-required", null, "The file has no rows of values"));
        }
        return errors;
    }
}
