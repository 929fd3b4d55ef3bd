package org.commissioning.deepdive.application;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.ProgrammeYear;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.platform.domain.RefusedByRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings a contract into a programme year: a deep dive planned for the default due date, for a contract whose term
 * overlaps the year. One the deep dive refuses (planned already, ended) is left as it is.
 */
@Component
@RequiredArgsConstructor
class ProgrammePlanner {

    private static final Logger log = LoggerFactory.getLogger(ProgrammePlanner.class);

    private final CommandGateway commands;

    /** @return whether a deep dive was planned */
    boolean join(KnownContract contract, int programmeYear) {
        if (!new ProgrammeYear(programmeYear).overlaps(contract.start(), contract.end())) {
            return false;
        }
        try {
            commands.sendAndWait(new DeepDiveCommands.Plan(DeepDiveCommands.id(contract.id(), programmeYear),
                    contract.id(), programmeYear, null, contract.provider(), contract.districts(),
                    Terms.of(contract)));
            return true;
        } catch (RuntimeException e) {
            RefusedByRuleException refused = refusal(e);
            if (refused == null) {
                throw e;
            }
            log.debug("Contract {} not planned into {}: {}", contract.id(), programmeYear, refused.getMessage());
            return false;
        }
    }

    /** The rule that refused a command, or null for any other failure. */
    static RefusedByRuleException refusal(RuntimeException e) {
        Throwable cause = e instanceof CommandExecutionException ? e.getCause() : e;
        return cause instanceof RefusedByRuleException refused ? refused : null;
    }
}
