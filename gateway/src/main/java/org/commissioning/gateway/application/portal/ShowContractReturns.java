package org.commissioning.gateway.application.portal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.query.DashboardView;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A contract's returns in the portal, one financial year at a time: each month of the year within the term and
 * not after this month, returned (on time or late), overdue, due or still open, with its return's values and
 * corrections where it has one; and the contract's rating from the dashboard.
 */
@Service
@RequiredArgsConstructor
public class ShowContractReturns {

    /** How a month's return stands. */
    public enum Status {
        RETURNED("Returned", "govuk-tag--green"), RETURNED_LATE("Returned late", "govuk-tag--yellow"),
        OVERDUE("Overdue", "govuk-tag--red"), DUE("Not returned", "govuk-tag--grey"),
        OPEN("Month not ended", "govuk-tag--blue");

        private final String label;
        private final String tag;

        Status(String label, String tag) {
            this.label = label;
            this.tag = tag;
        }

        public String label() {
            return label;
        }

        public String tagClass() {
            return "govuk-tag " + tag;
        }
    }

    /** @param pastReturn empty where the provider's return has not arrived */
    public record Month(YearMonth period, Status status, LocalDate dueDate, Optional<PastReturn> pastReturn) {
    }

    /**
     * @param rating  the contract's overall rating on the dashboard (null until rated, or not yet on the dashboard)
     * @param years   the financial years of the term up to this one, newest first
     */
    public record ContractReturns(PortalContract contract, String rating, YearMonth ratedPeriod, FinancialYear year,
                                  List<FinancialYear> years, List<Month> months) {
    }

    private final PortalOwners owners;
    private final DashboardView dashboard;

    /**
     * For a caller with {@code READ_DETAIL} (403) who may see the contract (404 otherwise); {@code year} the
     * financial year's first year, or null for the year of the last month with a return due.
     */
    public ContractReturns show(String contractId, Integer year) {
        PortalContract contract = owners.contract(contractId, Permission.READ_DETAIL);
        YearMonth now = owners.currentMonth();
        YearMonth latest = contract.end() == null || YearMonth.from(contract.end()).isAfter(now) ? now
                : YearMonth.from(contract.end());
        YearMonth earliest = contract.start() == null ? latest.minusYears(1) : YearMonth.from(contract.start());
        List<FinancialYear> years = IntStream.rangeClosed(FinancialYear.of(earliest).startYear(),
                        FinancialYear.of(latest).startYear()).mapToObj(FinancialYear::new)
                .sorted((a, b) -> b.startYear() - a.startYear()).toList();
        FinancialYear shown = year == null ? FinancialYear.of(latest) : new FinancialYear(year);
        Map<YearMonth, OverdueMonth> overdue = owners.overdue(contractId).stream()
                .collect(Collectors.toMap(OverdueMonth::period, Function.identity(), (a, b) -> a));
        List<Month> months = new ArrayList<>();
        for (YearMonth period : shown.months()) {
            if (period.isAfter(now) || !contract.covers(period)) {
                continue;
            }
            Optional<PastReturn> past = owners.monthlyReturn(contractId, period)
                    .map(r -> PastReturn.of(r, Map.of())).filter(PastReturn::submitted);
            OverdueMonth late = overdue.get(period);
            Status status = past.map(r -> r.late() ? Status.RETURNED_LATE : Status.RETURNED)
                    .orElse(late != null && late.outstanding() ? Status.OVERDUE
                            : period.equals(now) ? Status.OPEN : Status.DUE);
            months.add(new Month(period, status, late == null ? past.map(PastReturn::dueOn).orElse(null)
                    : late.dueDate(), past));
        }
        Optional<DashboardContract> row = dashboard.contracts(new DashboardQuery(null, null, null,
                contract.provider(), null, null)).stream().filter(c -> c.id().equals(contractId)).findFirst();
        return new ContractReturns(contract, row.map(DashboardContract::rag).orElse(null),
                row.map(DashboardContract::ragPeriod).orElse(null), shown, years, reversed(months));
    }

    /** Newest month first. */
    private static List<Month> reversed(List<Month> months) {
        List<Month> newestFirst = new ArrayList<>(months);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
