package org.commissioning.rag.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Permission;
import org.commissioning.rag.api.NoticeYear;
import org.commissioning.rag.api.PerformanceNotice;
import org.commissioning.rag.api.PerformanceNoticeSchedule;
import org.commissioning.rag.command.NoticeSchedule;
import org.springframework.stereotype.Service;

/** A contract's performance notices: one exported as recorded, or the schedule of its assessment years. */
@Service
@RequiredArgsConstructor
public class FindPerformanceNotices {

    private final KnownContracts contracts;
    private final PerformanceNoticeRecords records;
    private final Clock clock;

    /**
     * The notice of the year from {@code yearFrom} (READ_DETAIL: 403 otherwise; another provider's contract is the
     * 404 of one not known); 404 where none has been drafted.
     */
    public PerformanceNotice notice(String contractId, YearMonth yearFrom) {
        KnownContract contract = contracts.requireFor(Permission.READ_DETAIL, contractId);
        return Optional.ofNullable(records.notices(contract).get(yearFrom)).filter(n -> n.policyVersion() != null)
                .orElseThrow(() -> new NotFoundException("No notice of the year from " + yearFrom
                        + " has been drafted for contract " + contractId));
    }

    /** The s.52 scope and every assessment year begun so far, with its due date and status (READ_DETAIL). */
    public PerformanceNoticeSchedule schedule(String contractId) {
        KnownContract contract = contracts.requireFor(Permission.READ_DETAIL, contractId);
        LocalDate today = LocalDate.now(clock);
        YearMonth month = contract.end() != null && YearMonth.from(contract.end()).isBefore(YearMonth.from(today))
                ? YearMonth.from(contract.end()) : YearMonth.from(today);
        Map<YearMonth, PerformanceNotice> notices = records.notices(contract);
        List<NoticeYear> years = NoticeSchedule.years(contract.start(), contract.end(),
                records.terminatedOn(contractId).orElse(null), today).stream().map(due -> {
                    PerformanceNotice notice = notices.get(due.yearFrom());
                    return new NoticeYear(due.yearFrom(), due.yearTo(), due.dueBy(), due.trigger(),
                            notice == null ? "NONE" : notice.status(), notice != null && notice.overdue() != null);
                }).toList();
        return new PerformanceNoticeSchedule(contractId,
                records.scope(contract, records.ratingEvents(contractId), month), years);
    }
}
