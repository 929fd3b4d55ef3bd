package org.commissioning.rag.application;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.rag.api.KpiFactCommand;
import org.springframework.stereotype.Service;

/**
 * The contract's ratings follow what kpi-service publishes: a framework version becomes one the contract is rated
 * against; a submitted value of the contract's total is rated, and its period with it; a corrected value re-rates
 * its period (the new rating says why); a discrepancy between the provider's and the council's figures makes the
 * ratings resting on the value provisional until it is resolved.
 */
@Service
@RequiredArgsConstructor
public class RateFromKpiEvents {

    private final CommandGateway commands;

    /** A fact the contract's ratings already hold (a redelivery, a correction to the same value) changes nothing. */
    public void apply(KpiFactCommand fact) {
        commands.sendAndWait(fact);
    }
}
