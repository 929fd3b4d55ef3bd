package org.commissioning.rag.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.rag.api.PerformanceNotice;
import org.commissioning.rag.api.PerformanceNoticeCommands;
import org.commissioning.rag.command.NoticeSchedule;
import org.commissioning.rag.command.PerformanceNoticePolicy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Finds the contract performance notices of contracts in scope of s.52 whose due date has passed unconfirmed, and
 * records each overdue once (the notices' aggregate ignores a notice already raised or confirmed, so a repeated
 * scan, or one after a restart, raises nothing again). Due dates are derived each time from the contracts' terms,
 * terminations and ratings, so nothing lives in memory. Runs every {@code rag.notices.overdue-scan.interval}
 * (default an hour) on one instance per interval (a lease in MongoDB, {@code @SchedulerLock});
 * {@code rag.notices.overdue-scan.enabled=false} turns it off.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "rag.notices.overdue-scan.enabled", havingValue = "true", matchIfMissing = true)
public class PerformanceNoticeScan {

    private static final Logger log = LoggerFactory.getLogger(PerformanceNoticeScan.class);

    private final KnownContracts contracts;
    private final PerformanceNoticeRecords records;
    private final CommandGateway commands;
    private final Clock clock;

    @Autowired
    PerformanceNoticeScan(KnownContracts contracts, PerformanceNoticeRecords records, CommandGateway commands,
                          Clock clock) {
        this.contracts = contracts;
        this.records = records;
        this.commands = commands;
        this.clock = clock;
    }

    /** The same scan reading "today" from {@code clock}, as another instance (or a later day) would. */
    public PerformanceNoticeScan withClock(Clock clock) {
        return new PerformanceNoticeScan(contracts, records, commands, clock);
    }

    @Scheduled(initialDelayString = "${rag.notices.overdue-scan.initial-delay:PT1M}",
            fixedDelayString = "${rag.notices.overdue-scan.interval:PT1H}")
    @SchedulerLock(name = "rag-service.performance-notice-scan",
            lockAtLeastFor = "${rag.notices.overdue-scan.interval:PT1H}",
            lockAtMostFor = "${rag.notices.overdue-scan.interval:PT1H}")
    public void scheduled() {
        new CausationContext(CausationContext.SYSTEM, UUID.randomUUID().toString()).run(this::scan);
    }

    /** One pass over the known contracts; returns how many overdue commands were sent. */
    public int scan() {
        LocalDate today = LocalDate.now(clock);
        int sent = 0;
        for (KnownContract contract : contracts.all()) {
            List<NoticeSchedule.DueNotice> overdue = NoticeSchedule.overdueBy(contract.start(), contract.end(),
                    records.terminatedOn(contract.id()).orElse(null), today);
            if (overdue.isEmpty()) {
                continue;
            }
            List<Object> ratingEvents = records.ratingEvents(contract.id());
            Map<YearMonth, PerformanceNotice> notices = records.notices(contract);
            for (NoticeSchedule.DueNotice due : overdue) {
                PerformanceNotice notice = notices.get(due.yearFrom());
                if (!records.scope(contract, ratingEvents, due.yearTo()).inScope()
                        || (notice != null && (notice.overdue() != null || notice.confirmation() != null))) {
                    continue;
                }
                try {
                    commands.sendAndWait(new PerformanceNoticeCommands.RecordOverdue(
                            PerformanceNoticeCommands.id(contract.id()), contract.id(), due.yearFrom(), due.yearTo(),
                            due.dueBy(), due.trigger()));
                    sent++;
                } catch (RuntimeException e) {
                    log.warn("Could not record the notice of {} for the year from {} as overdue (policy {}); the "
                            + "next scan retries", contract.id(), due.yearFrom(), PerformanceNoticePolicy.VERSION, e);
                }
            }
        }
        return sent;
    }
}
