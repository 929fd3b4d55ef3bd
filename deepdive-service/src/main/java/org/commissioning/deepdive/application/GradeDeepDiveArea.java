package org.commissioning.deepdive.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.springframework.stereotype.Service;

/** An officer grades one of the nine areas with the evidence seen and the findings (area 9: any variation). */
@Service
@RequiredArgsConstructor
public class GradeDeepDiveArea {

    private final DeepDiveWrites writes;

    public DeepDiveRecord grade(String contractId, int programmeYear, int area, String grade, String evidence,
                                String findings, boolean variationRecommended, String variationReason) {
        return writes.officerSends(contractId, programmeYear, contract -> new DeepDiveCommands.GradeArea(
                DeepDiveCommands.id(contractId, programmeYear), area, grade, evidence, findings,
                variationRecommended, variationReason));
    }
}
