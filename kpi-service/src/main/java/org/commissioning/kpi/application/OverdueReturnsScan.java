package org.commissioning.kpi.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.RecordReturnOverdueCommand;
import org.commissioning.platform.domain.CausationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Finds the returns not received by their due date ({@code kpi.returns.due-day-of-next-month} of the month after
 * the period, default the 15th) and sends {@link RecordReturnOverdueCommand} for each, which the return handles
 * once. Due dates are derived each time from the contracts, their frameworks and the returns received, so nothing
 * about them lives in memory and a restart loses nothing. Runs every {@code kpi.returns.overdue-scan.interval}
 * (default an hour), on one instance per interval (a lease in MongoDB, {@code @SchedulerLock});
 * {@code kpi.returns.overdue-scan.enabled=false} turns it off.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "kpi.returns.overdue-scan.enabled", havingValue = "true", matchIfMissing = true)
public class OverdueReturnsScan {

    /** The actor of the events the scan causes: the system, as every scan's. */
    public static final String ACTOR = CausationContext.SYSTEM;

    private static final Logger log = LoggerFactory.getLogger(OverdueReturnsScan.class);

    private final ContractFigures contracts;
    private final Clock clock;
    private final int dueDay;

    @Autowired
    OverdueReturnsScan(ContractFigures contracts, Clock clock, ReturnDueDates dueDates) {
        this(contracts, clock, dueDates.dueDay());
    }

    private OverdueReturnsScan(ContractFigures contracts, Clock clock, int dueDay) {
        this.contracts = contracts;
        this.clock = clock;
        this.dueDay = dueDay;
    }

    /** The same scan reading "today" from {@code clock}, as another instance of the service would. */
    public OverdueReturnsScan withClock(Clock clock) {
        return new OverdueReturnsScan(contracts, clock, dueDay);
    }

    /** A period whose return was due by {@code dueDate}. */
    public record Due(YearMonth period, LocalDate dueDate) {
    }

    @Scheduled(initialDelayString = "${kpi.returns.overdue-scan.initial-delay:PT1M}",
            fixedDelayString = "${kpi.returns.overdue-scan.interval:PT1H}")
    @SchedulerLock(name = "kpi-service.overdue-returns-scan",
            lockAtLeastFor = "${kpi.returns.overdue-scan.interval:PT1H}",
            lockAtMostFor = "${kpi.returns.overdue-scan.interval:PT1H}")
    public void scheduled() {
        new CausationContext(ACTOR, UUID.randomUUID().toString()).run(this::scan);
    }

    /** One pass over the known contracts; returns how many overdue commands were sent. */
    public int scan() {
        LocalDate today = LocalDate.now(clock);
        int sent = 0;
        for (KnownContract contract : contracts.all()) {
            FrameworkHistory history = contracts.frameworks(contract.id());
            LocalDate endedOn = contracts.endedOn(contract.id()).orElse(null);
            for (Due due : overdue(contract, endedOn, history, today, dueDay)) {
                boolean received = contracts.returns().find(contract.id(), due.period())
                        .map(r -> r.submittedAt() != null).orElse(false);
                if (received || contracts.returns().overdue(contract.id(), due.period()).isPresent()) {
                    continue;
                }
                try {
                    contracts.send(new RecordReturnOverdueCommand(MonthlyReturnId.of(contract.id(),
                            due.period()), contract.id(), due.period(), due.dueDate()));
                    sent++;
                } catch (RuntimeException e) {
                    log.warn("Could not record the return of {} for {} as overdue; the next scan retries",
                            contract.id(), due.period(), e);
                }
            }
        }
        return sent;
    }

    /**
     * The periods of a contract whose due date has passed by {@code today}: from the first period a framework is
     * in force (and the contract has started) to last month (or the contract's end), whatever has been received.
     */
    public static List<Due> overdue(KnownContract contract, FrameworkHistory history, LocalDate today, int dueDay) {
        return overdue(contract, null, history, today, dueDay);
    }

    /** As above, for a contract that ended (terminated or expired) on {@code endedOn}: no return is due after that month. */
    public static List<Due> overdue(KnownContract contract, LocalDate endedOn, FrameworkHistory history, LocalDate today,
                                    int dueDay) {
        List<Due> due = new ArrayList<>();
        if (!history.defined()) {
            return due;
        }
        YearMonth from = history.versions().get(0).effectiveFrom();
        if (contract.start() != null && YearMonth.from(contract.start()).isAfter(from)) {
            from = YearMonth.from(contract.start());
        }
        YearMonth to = YearMonth.from(today).minusMonths(1);
        if (contract.end() != null && YearMonth.from(contract.end()).isBefore(to)) {
            to = YearMonth.from(contract.end());
        }
        if (endedOn != null && YearMonth.from(endedOn).isBefore(to)) {
            to = YearMonth.from(endedOn);
        }
        for (YearMonth period = from; !period.isAfter(to); period = period.plusMonths(1)) {
            LocalDate dueDate = ReturnDueDates.dueDate(period, dueDay);
            if (today.isAfter(dueDate)) {
                due.add(new Due(period, dueDate));
            }
        }
        return due;
    }
}
