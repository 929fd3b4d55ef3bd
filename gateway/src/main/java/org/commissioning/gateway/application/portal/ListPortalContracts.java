package org.commissioning.gateway.application.portal;

import java.time.YearMonth;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.query.DashboardView;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Caller;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * The portal's start: a provider's contracts with their rating and the returns outstanding. A provider's staff see
 * their own provider's, whatever they ask for; an officer, who may submit for any provider, picks the provider first
 * (so the page never asks kpi-service about every contract of the county).
 */
@Service
@RequiredArgsConstructor
public class ListPortalContracts {

    /**
     * @param overdue the months kpi-service found overdue and still not returned, oldest first
     * @param due     the month just ended, where its return is not in and not (yet) overdue; else null
     */
    public record Row(DashboardContract contract, List<YearMonth> overdue, YearMonth due) {
    }

    /**
     * @param provider  the provider shown, null while an officer has not picked one
     * @param providers the providers an officer may pick from (empty for a provider's staff)
     */
    public record ProviderContracts(String provider, List<Row> rows, List<String> providers) {
    }

    private final DashboardView dashboard;
    private final PortalOwners owners;

    /** For a caller with {@code SUBMIT_RETURNS} (403 otherwise); {@code provider} is an officer's pick. */
    public ProviderContracts list(String provider) {
        Caller caller = Access.require(Permission.SUBMIT_RETURNS);
        String shown = caller.isConfinedToProvider() ? caller.provider().orElse(null)
                : provider == null || provider.isBlank() ? null : provider;
        if (shown == null) {
            List<String> providers = caller.isConfinedToProvider() ? List.of()
                    : dashboard.contracts(DashboardQuery.all()).stream().map(DashboardContract::provider).distinct()
                    .sorted().toList();
            return new ProviderContracts(null, List.of(), providers);
        }
        YearMonth lastMonth = owners.currentMonth().minusMonths(1);
        List<Row> rows = dashboard.contracts(new DashboardQuery(null, null, null, shown, null, null)).stream()
                .filter(c -> Access.mayRead(Permission.READ_DETAIL, c.provider()))
                .map(c -> row(c, lastMonth)).toList();
        return new ProviderContracts(shown, rows, List.of());
    }

    private Row row(DashboardContract contract, YearMonth lastMonth) {
        List<OverdueMonth> overdue = owners.overdue(contract.id());
        List<YearMonth> outstanding = overdue.stream().filter(OverdueMonth::outstanding).map(OverdueMonth::period)
                .sorted().toList();
        boolean lastMonthInTerm = new PortalContract(contract.id(), contract.provider(), contract.serviceArea(),
                contract.start(), contract.end(), contract.districts()).covers(lastMonth);
        boolean lastMonthPending = DashboardContract.ACTIVE.equals(contract.status()) && lastMonthInTerm
                && overdue.stream().noneMatch(o -> o.period().equals(lastMonth))
                && owners.monthlyReturn(contract.id(), lastMonth).map(r -> PastReturn.of(r, java.util.Map.of()))
                .filter(PastReturn::submitted).isEmpty();
        return new Row(contract, outstanding, lastMonthPending ? lastMonth : null);
    }
}
