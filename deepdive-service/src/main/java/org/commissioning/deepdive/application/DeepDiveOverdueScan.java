package org.commissioning.deepdive.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.query.ProgrammeRowsProjection;
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
 * Records each deep dive not complete by its due date as overdue, once per due date: the deep dive itself ignores a
 * due date already recorded, one moved since, or one not yet passed, so a repeated scan, or one after a restart,
 * raises nothing again. Runs every {@code deepdive.overdue-scan.interval} (default an hour) on one instance per
 * interval (a lease in MongoDB, {@code @SchedulerLock}); {@code deepdive.overdue-scan.enabled=false} turns it off.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "deepdive.overdue-scan.enabled", havingValue = "true", matchIfMissing = true)
public class DeepDiveOverdueScan {

    public static final String LEASE = "deepdive-service.overdue-scan";
    private static final Logger log = LoggerFactory.getLogger(DeepDiveOverdueScan.class);

    private final ProgrammeRowsProjection rows;
    private final CommandGateway commands;
    private final Clock clock;

    @Autowired
    DeepDiveOverdueScan(ProgrammeRowsProjection rows, CommandGateway commands, Clock clock) {
        this.rows = rows;
        this.commands = commands;
        this.clock = clock;
    }

    /** The same scan reading "today" from {@code clock}, as another instance (or a later day) would. */
    public DeepDiveOverdueScan withClock(Clock clock) {
        return new DeepDiveOverdueScan(rows, commands, clock);
    }

    @Scheduled(initialDelayString = "${deepdive.overdue-scan.initial-delay:PT1M}",
            fixedDelayString = "${deepdive.overdue-scan.interval:PT1H}")
    @SchedulerLock(name = LEASE, lockAtLeastFor = "${deepdive.overdue-scan.interval:PT1H}",
            lockAtMostFor = "${deepdive.overdue-scan.interval:PT1H}")
    public void scheduled() {
        new CausationContext(CausationContext.SYSTEM, UUID.randomUUID().toString()).run(this::scan);
    }

    /** One pass; returns how many deep dives it recorded overdue. */
    public int scan() {
        LocalDate today = LocalDate.now(clock);
        int sent = 0;
        for (ProgrammeRowsProjection.Row row : rows.pastDueNotRecorded(today)) {
            try {
                if (Boolean.TRUE.equals(commands.sendAndWait(new DeepDiveCommands.RecordOverdue(row.id(),
                        row.dueDate())))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not record deep dive {} overdue; the next scan retries", row.id(), e);
            }
        }
        return sent;
    }
}
