package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.SetMonitoringCadenceCommand;
import org.springframework.stereotype.Service;

/** Sets the monitoring cadence a change of a contract's overall rating calls for ({@code RagChanged}). */
@Service
@RequiredArgsConstructor
public class SetMonitoringCadence {

    private final ContractCommands contracts;

    public RatingFollowed set(SetMonitoringCadenceCommand command) {
        return contracts.follow(command.contractId(), command);
    }
}
