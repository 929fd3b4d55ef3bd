package org.commissioning.platform.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Seals every stream whose head moved, daily ({@code platform.history-chain.seal-cron}, default 02:15 in the
 * council's zone), on one instance (a lease, {@code @SchedulerLock}), as {@code system}.
 */
public class HistorySealScan {

    private static final Logger log = LoggerFactory.getLogger(HistorySealScan.class);

    private final HistorySeals seals;

    public HistorySealScan(HistorySeals seals) {
        this.seals = seals;
    }

    @Scheduled(cron = "${platform.history-chain.seal-cron:0 15 2 * * *}",
            zone = "${platform.clock.zone:Europe/London}")
    @SchedulerLock(name = "history-seal-scan", lockAtLeastFor = "PT1M")
    public void sealDaily() {
        try {
            log.info("History sealed: {} streams", seals.sealAll().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
