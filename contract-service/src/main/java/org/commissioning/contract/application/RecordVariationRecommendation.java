package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.RecordVariationRecommendationCommand;
import org.springframework.stereotype.Service;

/** Records a deep dive's recommended variation on its contract ({@code VariationRecommended}) for the officer. */
@Service
@RequiredArgsConstructor
public class RecordVariationRecommendation {

    private final ContractCommands contracts;

    public RatingFollowed record(RecordVariationRecommendationCommand command) {
        return contracts.follow(command.contractId(), command);
    }
}
