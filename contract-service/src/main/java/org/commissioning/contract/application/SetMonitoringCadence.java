package org.commissioning.contract.application;

import org.commissioning.contract.api.SetMonitoringCadenceCommand;
import org.springframework.stereotype.Service;

/** Sets the monitoring cadence a change of a contract's overall rating calls for ({@code RagChanged}). */
@Service
public class SetMonitoringCadence {

    private final RatingCommands ratings;

    public SetMonitoringCadence(RatingCommands ratings) {
        this.ratings = ratings;
    }

    public RatingFollowed set(SetMonitoringCadenceCommand command) {
        return ratings.follow(command.contractId(), command);
    }
}
