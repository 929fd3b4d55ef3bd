package org.commissioning.contract.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.contract.api.ExpireContractCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Expires contracts at their end date. Every {@code contract.expiry.scan-interval} (default one hour; also shortly
 * after start-up) it reads the summaries of active contracts whose end date has come (the injected {@link Clock}'s
 * date) and sends each an {@link ExpireContractCommand}. The aggregate decides: a contract extended or ended
 * meanwhile is refused and left as it is, so a lagging summary does no harm. The scheduled scan runs on one
 * instance per interval (a lease in MongoDB, {@code @SchedulerLock}).
 * Contracts without a recorded end date never expire by themselves. Off with {@code contract.expiry.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "contract.expiry.enabled", havingValue = "true", matchIfMissing = true)
public class ContractExpiryScan {

    private static final Logger log = LoggerFactory.getLogger(ContractExpiryScan.class);

    private final ContractSummaryProjection summaries;
    private final CommandGateway commands;
    private final Clock clock;

    public ContractExpiryScan(ContractSummaryProjection summaries, CommandGateway commands, Clock clock) {
        this.summaries = summaries;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${contract.expiry.scan-initial-delay:PT20S}",
            fixedDelayString = "${contract.expiry.scan-interval:PT1H}")
    @SchedulerLock(name = "contract-service.expiry-scan", lockAtLeastFor = "${contract.expiry.scan-interval:PT1H}",
            lockAtMostFor = "${contract.expiry.scan-interval:PT1H}")
    public void scheduled() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("The contract expiry scan failed; it runs again at the next interval", e);
        }
    }

    /** @return the contracts that expired in this scan */
    public List<String> scan() {
        LocalDate today = LocalDate.now(clock);
        List<String> expired = SystemCommands.sendEach(commands, summaries.dueToExpire(today),
                id -> new ExpireContractCommand(id, null), log, "Expiry");
        if (!expired.isEmpty()) {
            log.info("Expiry scan of {}: {} contract(s) expired at their end date", today, expired.size());
        }
        return expired;
    }
}
