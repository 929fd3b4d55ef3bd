package org.commissioning.contract.application;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.contract.api.FlagOverdueMeetingCommand;
import org.commissioning.contract.query.ContractSummaryProjection;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Flags monitoring meetings not held by their due date. Every {@code contract.monitoring.scan-interval} (default
 * one minute; also shortly after start-up) it sends a {@link FlagOverdueMeetingCommand} to each active contract
 * whose next meeting was due before today and is not yet flagged. The due dates live in the event store and its
 * projection, so they survive a restart; the aggregate flags once per due date, so a summary that lags behind or
 * a scan repeated do no harm.
 */
@Service
public class FlagOverdueMeetings extends ContractScan {

    public FlagOverdueMeetings(ContractSummaryProjection summaries, CommandGateway commands, Clock clock) {
        super("overdue-meeting", summaries::withMeetingOverdue, FlagOverdueMeetingCommand::new, commands, clock);
    }

    @Scheduled(initialDelayString = "${contract.monitoring.scan-initial-delay:PT10S}",
            fixedDelayString = "${contract.monitoring.scan-interval:PT1M}")
    @SchedulerLock(name = "contract-service.overdue-meeting-scan",
            lockAtLeastFor = "${contract.monitoring.scan-interval:PT1M}",
            lockAtMostFor = "${contract.monitoring.scan-interval:PT1M}")
    public void scheduled() {
        runScheduled();
    }
}
