package org.commissioning.deepdive.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.springframework.stereotype.Service;

/** An officer takes an unfinished deep dive out of its programme, with a reason. */
@Service
@RequiredArgsConstructor
public class CancelDeepDive {

    private final DeepDiveWrites writes;

    public DeepDiveRecord cancel(String contractId, int programmeYear, String reason) {
        return writes.officerSends(contractId, programmeYear, contract -> new DeepDiveCommands.Cancel(
                DeepDiveCommands.id(contractId, programmeYear), reason));
    }
}
