package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.RecordDeepDiveOutcomeCommand;
import org.springframework.stereotype.Service;

/** Records a completed deep dive's overall grade on its contract ({@code DeepDiveCompleted}); INADEQUATE escalates. */
@Service
@RequiredArgsConstructor
public class RecordDeepDiveOutcome {

    private final ContractCommands contracts;

    public RatingFollowed record(RecordDeepDiveOutcomeCommand command) {
        return contracts.follow(command.contractId(), command);
    }
}
