package org.commissioning.contract.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.contract.api.FlagOverdueMeetingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Flags monitoring meetings not held by their due date. Every {@code contract.monitoring.scan-interval} (default one
 * minute; also shortly after start-up) it reads the contract summaries for active contracts whose next meeting was
 * due before today (the injected {@link Clock}'s date) and not yet flagged, and sends each a
 * {@link FlagOverdueMeetingCommand}. The due dates live in the event store and its projection, so they survive a
 * restart; the aggregate emits once per due date, so a summary that lags behind or a scan repeated do no harm.
 * The scheduled scan runs on one instance per interval (a lease in MongoDB, {@code @SchedulerLock}).
 */
@Component
public class OverdueMeetingScan {

    private static final Logger log = LoggerFactory.getLogger(OverdueMeetingScan.class);

    private final ContractSummaryProjection summaries;
    private final CommandGateway commands;
    private final Clock clock;

    public OverdueMeetingScan(ContractSummaryProjection summaries, CommandGateway commands, Clock clock) {
        this.summaries = summaries;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${contract.monitoring.scan-initial-delay:PT10S}",
            fixedDelayString = "${contract.monitoring.scan-interval:PT1M}")
    @SchedulerLock(name = "contract-service.overdue-meeting-scan",
            lockAtLeastFor = "${contract.monitoring.scan-interval:PT1M}",
            lockAtMostFor = "${contract.monitoring.scan-interval:PT1M}")
    public void scheduled() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("The overdue-meeting scan failed; it runs again at the next interval", e);
        }
    }

    /** @return the contracts a command was sent to */
    public List<String> scan() {
        LocalDate today = LocalDate.now(clock);
        List<String> overdue = summaries.withMeetingOverdue(today);
        SystemCommands.sendEach(commands, overdue, FlagOverdueMeetingCommand::new, log, "Flagging the overdue meeting");
        if (!overdue.isEmpty()) {
            log.info("Overdue-meeting scan of {}: {} contract(s) checked", today, overdue.size());
        }
        return overdue;
    }
}
