package org.commissioning.gateway.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import lombok.RequiredArgsConstructor;
import org.commissioning.events.contracts.v1.Geography;
import org.commissioning.gateway.api.CountyOverview;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardFilter;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.query.DashboardProjection;
import org.commissioning.gateway.query.DashboardView;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * The county overview: the contracts by rating, the twelve districts in their four areas with each contract's rating,
 * the service areas with their annual value, monitoring meetings due this month and overdue, returns overdue and the
 * deep-dive programme's progress, all over the contracts the caller may see (a provider's staff, their own
 * provider's) that match the filters.
 */
@Service
@RequiredArgsConstructor
public class ShowCountyOverview {

    private final DashboardView view;
    private final Clock clock;

    /**
     * For a caller who may read contract summaries (403 otherwise, whatever the parameters). A filter value outside
     * its vocabulary is refused (400 {@value DashboardQuery#KNOWN_FILTER_VALUE} naming the parameter); {@code year},
     * the programme year of the deep dives (as the request gives it; null or blank for the current financial year),
     * must be a calendar year from 2000 to 2100 (400 {@value ShowDeepDiveProgramme#PROGRAMME_YEAR} naming it).
     */
    public CountyOverview show(DashboardFilter filter, String year) {
        Access.require(Permission.READ_SUMMARIES);
        DashboardFilter applied = filter.validated();
        LocalDate today = LocalDate.now(clock);
        int programmeYear = year == null || year.isBlank() ? programmeYearOf(today)
                : ShowDeepDiveProgramme.programmeYear(year);
        List<DashboardContract> contracts = view.contracts(applied.query()).stream()
                .filter(ListDashboardContracts::visible)
                .sorted(Comparator.comparing(DashboardContract::provider, Comparator.nullsLast(String::compareTo))
                        .thenComparing(DashboardContract::id))
                .toList();
        return new CountyOverview(today, applied, contracts.size(), byRag(contracts), grid(contracts, applied),
                byServiceArea(contracts), totalValue(contracts), meetings(contracts, YearMonth.from(today)),
                returns(contracts), DashboardView.programme(programmeYear, contracts).progress());
    }

    /** The financial year (April to March) {@code day} is in, by the calendar year it starts in. */
    static int programmeYearOf(LocalDate day) {
        return day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1;
    }

    private static Map<String, Long> byRag(List<DashboardContract> contracts) {
        Map<String, Long> byRag = new LinkedHashMap<>();
        DashboardQuery.RAGS.forEach(rag -> byRag.put(rag, 0L));
        contracts.forEach(contract -> byRag.merge(contract.ragOrNotRated(), 1L, Long::sum));
        return byRag;
    }

    private static List<CountyOverview.Area> grid(List<DashboardContract> contracts, DashboardFilter filter) {
        return Geography.areas().stream().map(area -> new CountyOverview.Area(area,
                Geography.districtsOf(area).stream().map(district -> new CountyOverview.District(district,
                        !filter.covers(area, district) ? List.of() : contracts.stream()
                                .filter(contract -> contract.districts().contains(district))
                                .map(contract -> new CountyOverview.Rated(contract.id(), contract.provider(),
                                        contract.serviceArea(), contract.ragOrNotRated()))
                                .toList())).toList())).toList();
    }

    private static List<CountyOverview.ServiceArea> byServiceArea(List<DashboardContract> contracts) {
        return DashboardQuery.SERVICE_AREAS.stream().map(serviceArea -> {
            List<DashboardContract> of = contracts.stream()
                    .filter(contract -> serviceArea.equals(contract.serviceArea())).toList();
            return new CountyOverview.ServiceArea(serviceArea, of.size(), totalValue(of),
                    of.stream().filter(contract -> contract.annualValueGbp() != null).count());
        }).toList();
    }

    private static BigDecimal totalValue(List<DashboardContract> contracts) {
        return DashboardProjection.toPence(contracts.stream().map(DashboardContract::annualValueGbp)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static CountyOverview.Meetings meetings(List<DashboardContract> contracts, YearMonth month) {
        Comparator<CountyOverview.MeetingDue> byDue = Comparator.comparing(CountyOverview.MeetingDue::due);
        List<CountyOverview.MeetingDue> due = contracts.stream()
                .filter(contract -> !contract.meetingOverdue() && contract.nextMeetingDue() != null
                        && YearMonth.from(contract.nextMeetingDue()).equals(month))
                .map(contract -> new CountyOverview.MeetingDue(contract.id(), contract.provider(),
                        contract.nextMeetingDue()))
                .sorted(byDue).toList();
        List<CountyOverview.MeetingDue> overdue = contracts.stream()
                .filter(DashboardContract::meetingOverdue)
                .map(contract -> new CountyOverview.MeetingDue(contract.id(), contract.provider(),
                        contract.overdueMeetingDue()))
                .sorted(byDue).toList();
        return new CountyOverview.Meetings(month, due, overdue);
    }

    private static CountyOverview.Returns returns(List<DashboardContract> contracts) {
        return new CountyOverview.Returns(contracts.stream()
                .filter(contract -> !contract.overdueReturns().isEmpty())
                .map(contract -> new CountyOverview.ReturnsOverdue(contract.id(), contract.provider(),
                        contract.overdueReturns()))
                .toList());
    }
}
