package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.RecordContractRatingCommand;
import org.springframework.stereotype.Service;

/** Records a period's overall rating of a contract ({@code ContractRated}); red months may make escalation due. */
@Service
@RequiredArgsConstructor
public class RecordContractRating {

    private final ContractCommands contracts;

    public RatingFollowed record(RecordContractRatingCommand command) {
        return contracts.follow(command.contractId(), command);
    }
}
