package org.commissioning.contract.application;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.springframework.stereotype.Component;

/**
 * Sends the command a rating calls for. A contract this service does not know, or one that refuses the command
 * by a rule (NOT_RATED as a cadence, a contract that has ended), answers a refusal; any other failure is thrown,
 * so the consumer retries it.
 */
@Component
public class RatingCommands {

    private final ContractCommands contracts;

    public RatingCommands(ContractCommands contracts) {
        this.contracts = contracts;
    }

    RatingFollowed follow(String contractId, Object command) {
        try {
            return new RatingFollowed(contractId, contracts.change(contractId, command).version(), null);
        } catch (RuntimeException e) {
            Throwable refusal = refusal(e);
            if (refusal == null) {
                throw e;
            }
            return new RatingFollowed(contractId, null, refusal instanceof AggregateNotFoundException
                    ? "no such contract here" : refusal.getMessage());
        }
    }

    private static Throwable refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException || t instanceof RuleViolationException
                    || t instanceof StateConflictException) {
                return t;
            }
        }
        return null;
    }
}
