package org.commissioning.contract.application;

import org.commissioning.contract.api.RecordContractRatingCommand;
import org.springframework.stereotype.Service;

/** Records a period's overall rating of a contract ({@code ContractRated}); red months may make escalation due. */
@Service
public class RecordContractRating {

    private final ContractCommands contracts;

    public RecordContractRating(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public RatingFollowed record(RecordContractRatingCommand command) {
        return contracts.follow(command.contractId(), command);
    }
}
