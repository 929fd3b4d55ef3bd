package org.commissioning.contract.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.platform.domain.CausationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scan of the contracts a schedule drives: it reads "today" from the injected {@link Clock} once, finds the
 * contracts due (from their summaries), and sends each one command on the system's behalf (actor {@code system},
 * one correlation id per run). The aggregate has the last word: a command refused (a summary lagging behind) is
 * logged and skipped, and the next scan asks again if the contract still qualifies. Run from the schedule, a
 * failed scan is logged and runs again at the next interval; a subclass puts its {@code @Scheduled} and its
 * {@code @SchedulerLock} lease (one instance per interval) on the method that calls {@link #runScheduled()}.
 */
@RequiredArgsConstructor(access = AccessLevel.PROTECTED)
public abstract class ContractScan {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Function<LocalDate, List<String>> due;
    private final Function<String, Object> command;
    private final CommandGateway commands;
    private final Clock clock;

    protected void runScheduled() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("The {} scan failed; it runs again at the next interval", name, e);
        }
    }

    /** @return the contracts whose command was accepted in this scan */
    public List<String> scan() {
        LocalDate today = LocalDate.now(clock);
        List<String> contractIds = due.apply(today);
        List<String> accepted = new ArrayList<>();
        new CausationContext(CausationContext.SYSTEM, UUID.randomUUID().toString()).run(() -> {
            for (String contractId : contractIds) {
                try {
                    commands.sendAndWait(command.apply(contractId));
                    accepted.add(contractId);
                } catch (RuntimeException e) {
                    log.info("The {} scan left contract {} as it is: {}", name, contractId, e.getMessage());
                }
            }
        });
        if (!contractIds.isEmpty()) {
            log.info("The {} scan of {}: {} of {} contract(s) due accepted its command", name, today,
                    accepted.size(), contractIds.size());
        }
        return accepted;
    }
}
