package org.commissioning.kpi.application;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.OverdueReturn;
import org.commissioning.kpi.query.ReturnsAsOf;
import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * The reads of a contract's returns (read model: a moment behind the write): a month's return, the returns found
 * overdue and the CSV template of the version in force. Sibling queries of one read model, kept together.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReturnReads {

    /** The CSV template: the header and one row per KPI the provider reports. */
    public record CsvTemplate(String contractId, String csv) {
    }

    private final ContractFigures contracts;
    private final ReturnsAsOf asOfReads;

    /**
     * Each value as it stands, with the value first submitted and its corrections; with {@code asOf} (an instant,
     * {@link AsOf#parse}), as the return stood then, read from its stored events: not found if it had not been stored
     * by then. The permission is checked first, then {@code asOf}, then the contract.
     */
    public MonthlyReturnView find(String contractId, YearMonth period, String asOf) {
        Access.require(Permission.READ_DETAIL);
        Instant at = AsOf.parse(asOf);
        contracts.known(contractId, Permission.READ_DETAIL);
        Optional<MonthlyReturnView> found = at == null ? contracts.returns().find(contractId, period)
                : asOfReads.find(contractId, period, at);
        return found.orElseThrow(() -> new NotFoundException("No return of contract " + contractId + " for " + period));
    }

    /** The returns found overdue, oldest first, with {@code receivedAt} for those that came late. */
    public List<OverdueReturn> overdue(String contractId) {
        contracts.known(contractId, Permission.READ_DETAIL);
        return contracts.returns().overdue(contractId);
    }

    /** @param period null for this month */
    public CsvTemplate template(String contractId, YearMonth period) {
        contracts.known(contractId, Permission.READ_DETAIL);
        YearMonth month = period == null ? contracts.currentMonth() : period;
        KpiFrameworkVersion version = contracts.frameworks(contractId).inForce(month).orElseThrow(() ->
                new NotFoundException("No KPI framework of contract " + contractId + " is in force in " + month));
        return new CsvTemplate(contractId, ReturnCsv.template(version.kpis().stream()
                .filter(k -> k.expectedSource().fromProvider()).map(KpiDefinition::code).toList()));
    }
}
