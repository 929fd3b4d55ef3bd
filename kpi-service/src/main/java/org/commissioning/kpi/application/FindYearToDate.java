package org.commissioning.kpi.application;

import java.time.LocalDate;
import java.time.YearMonth;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.YearToDateView;
import org.commissioning.kpi.query.YearToDate;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * Year to date per KPI over a financial year ({@code 2018} is April 2018 to March 2019). Months outside the
 * contract's term (before its start, after its end or the month it was terminated or expired in) are not missing;
 * a year entirely outside the term is refused ({@code year-outside-term}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FindYearToDate {

    private final ContractFigures contracts;

    public YearToDateView find(String contractId, int financialYear) {
        KnownContract contract = contracts.known(contractId, Permission.READ_DETAIL);
        if (financialYear < 2000 || financialYear > 2100) {
            throw new RuleViolationException("financial-year-invalid", "financialYear",
                    "A financial year is given by the year it starts in April, e.g. 2018; got " + financialYear);
        }
        YearMonth from = YearToDate.start(financialYear);
        YearMonth to = from.plusMonths(11);
        YearMonth termFrom = contract.start() == null ? null : YearMonth.from(contract.start());
        LocalDate ended = contracts.endedOn(contractId).orElse(null);
        LocalDate last = ended == null || (contract.end() != null && contract.end().isBefore(ended))
                ? contract.end() : ended;
        YearMonth termTo = last == null ? null : YearMonth.from(last);
        if ((termTo != null && from.isAfter(termTo)) || (termFrom != null && to.isBefore(termFrom))) {
            throw new RuleViolationException("year-outside-term", "financialYear", "Financial year " + financialYear
                    + " (" + from + " to " + to + ") is entirely outside the term of contract " + contractId + " ("
                    + (termFrom == null ? "an unrecorded start" : termFrom) + " to "
                    + (termTo == null ? "an unrecorded end" : termTo) + "); financial years " + years(termFrom, termTo)
                    + " are accepted");
        }
        return YearToDate.of(contractId, financialYear, contracts.returns().between(contractId, from, to),
                contracts.frameworks(contractId), termFrom, termTo);
    }

    private static String years(YearMonth termFrom, YearMonth termTo) {
        if (termFrom == null) {
            return "up to " + YearToDate.financialYear(termTo);
        }
        return termTo == null ? "from " + YearToDate.financialYear(termFrom)
                : YearToDate.financialYear(termFrom) + " to " + YearToDate.financialYear(termTo);
    }
}
