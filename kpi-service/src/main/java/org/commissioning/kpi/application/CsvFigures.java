package org.commissioning.kpi.application;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.kpi.command.ReturnValueSet;
import org.commissioning.kpi.command.ReturnValues;
import org.commissioning.kpi.query.KpiFrameworks;
import org.commissioning.platform.domain.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * A month's figures as CSV ({@link ReturnCsv}), all or nothing: the period is checked first, then every row as
 * {@code source}'s values against the framework in force, one by one ({@link ReturnValues}) and across the file
 * ({@link ReturnValueSet}: duplicates, and for the provider the totals of KPIs broken down by district). Any bad row
 * throws {@link CsvRowsException} listing every bad row, so nothing is sent.
 */
@Component
class CsvFigures {

    private final ContractChecks contracts;
    private final KpiFrameworks frameworks;

    CsvFigures(ContractChecks contracts, KpiFrameworks frameworks) {
        this.contracts = contracts;
        this.frameworks = frameworks;
    }

    /** @param what "A return for 2018-10", "Council figures for 2018-10" */
    List<SubmittedValue> read(String body, ReturnValues.Source source, String id, YearMonth period, String what) {
        KnownContract contract = contracts.known(id);
        contracts.requireActive(id, period);
        contracts.requireInTerm(id, contract, period, what);
        ReturnCsv.Parsed parsed = ReturnCsv.parse(body);
        List<ReturnCsv.RowError> errors = new ArrayList<>(parsed.errors());
        Optional<KpiFrameworkVersion> framework = frameworks.of(id).inForce(period);
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
                        MonthlyReturnId.of(id, period), id, period, framework, ContractChecks.facts(contract));
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
