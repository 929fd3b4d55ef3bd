package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.springframework.stereotype.Component;

/**
 * Sends a command to one contract and answers with the contract's version after it (0 for a registration,
 * whose handler answers the new contract's id). The use cases of a change
 * call it; the aggregate decides, and its refusals (404, 409, 412, 400) travel back to the caller unchanged.
 */
@Component
@RequiredArgsConstructor
public class ContractCommands {

    private final CommandGateway gateway;

    ContractChanged change(String contractId, Object command) {
        Object result = gateway.sendAndWait(command);
        return new ContractChanged(contractId, result instanceof Long version ? version : 0);
    }

    /**
     * Sends the command an event of another context (ratings, deep dives) calls for. A contract this service does not know, or one
     * that refuses the command by a rule (NOT_RATED as a cadence, a contract that has ended), answers a refusal,
     * which asking again cannot change; any other failure is thrown, so the consumer retries it.
     */
    RatingFollowed follow(String contractId, Object command) {
        try {
            return new RatingFollowed(contractId, change(contractId, command).version(), null);
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
