package org.commissioning.contract.query;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.platform.domain.CausationContext;
import org.slf4j.Logger;

/**
 * Sends one command per contract on the system's behalf (actor {@code system}, one correlation id per run), as the
 * scheduled scans do. A contract whose command is refused is logged and skipped: the aggregate has the last word,
 * and the next scan asks again if it still qualifies.
 */
final class SystemCommands {

    private SystemCommands() {
    }

    /** @return the contracts whose command succeeded */
    static List<String> sendEach(CommandGateway commands, List<String> contractIds, Function<String, Object> command,
                                 Logger log, String what) {
        List<String> succeeded = new ArrayList<>();
        new CausationContext(CausationContext.SYSTEM, UUID.randomUUID().toString()).run(() -> {
            for (String contractId : contractIds) {
                try {
                    commands.sendAndWait(command.apply(contractId));
                    succeeded.add(contractId);
                } catch (RuntimeException e) {
                    log.info("{} not done for contract {}: {}", what, contractId, e.getMessage());
                }
            }
        });
        return succeeded;
    }
}
