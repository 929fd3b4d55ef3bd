package org.commissioning.deepdive.application;

import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.springframework.stereotype.Service;

/**
 * An officer records a deep dive as completed from a historic source that gives no grades (e.g. the 2018
 * programme's Fig. 1): no grade is invented, the record is marked historic and names its source.
 */
@Service
@RequiredArgsConstructor
public class RecordHistoricDeepDive {

    private final DeepDiveWrites writes;

    /** @param completedOn null for today */
    public DeepDiveRecord record(String contractId, int programmeYear, LocalDate completedOn,
                                 String sourceReference) {
        return writes.officerSends(contractId, programmeYear, contract -> new DeepDiveCommands.RecordHistoricCompletion(
                DeepDiveCommands.id(contractId, programmeYear), completedOn, sourceReference));
    }
}
