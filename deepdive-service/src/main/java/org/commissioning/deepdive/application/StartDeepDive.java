package org.commissioning.deepdive.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.commissioning.platform.domain.CausationContext;
import org.springframework.stereotype.Service;

/** An officer starts the evaluation (the caller leads it unless a lead officer was scheduled). */
@Service
@RequiredArgsConstructor
public class StartDeepDive {

    private final DeepDiveWrites writes;

    public DeepDiveRecord start(String contractId, int programmeYear) {
        return writes.officerSends(contractId, programmeYear, contract -> new DeepDiveCommands.Start(
                DeepDiveCommands.id(contractId, programmeYear), CausationContext.currentOrNew().actor()));
    }
}
