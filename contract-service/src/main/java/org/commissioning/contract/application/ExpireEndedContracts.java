package org.commissioning.contract.application;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.contract.api.ExpireContractCommand;
import org.commissioning.contract.query.ContractSummaryProjection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Expires contracts at their end date. Every {@code contract.expiry.scan-interval} (default one hour; also shortly
 * after start-up) it sends an {@link ExpireContractCommand} to each active contract whose end date has come. The
 * aggregate decides: a contract extended or ended meanwhile is refused and left as it is. Contracts without a
 * recorded end date never expire by themselves. Off with {@code contract.expiry.enabled=false}.
 */
@Service
@ConditionalOnProperty(name = "contract.expiry.enabled", havingValue = "true", matchIfMissing = true)
public class ExpireEndedContracts extends ContractScan {

    public ExpireEndedContracts(ContractSummaryProjection summaries, CommandGateway commands, Clock clock) {
        super("expiry", summaries::dueToExpire, id -> new ExpireContractCommand(id, null), commands, clock);
    }

    @Scheduled(initialDelayString = "${contract.expiry.scan-initial-delay:PT20S}",
            fixedDelayString = "${contract.expiry.scan-interval:PT1H}")
    @SchedulerLock(name = "contract-service.expiry-scan", lockAtLeastFor = "${contract.expiry.scan-interval:PT1H}",
            lockAtMostFor = "${contract.expiry.scan-interval:PT1H}")
    public void scheduled() {
        runScheduled();
    }
}
