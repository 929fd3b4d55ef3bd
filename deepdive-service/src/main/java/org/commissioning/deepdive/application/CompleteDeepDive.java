package org.commissioning.deepdive.application;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.DeepDiveAction;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.springframework.stereotype.Service;

/** An officer completes the evaluation with the overall grade, strengths, areas for improvement and actions. */
@Service
@RequiredArgsConstructor
public class CompleteDeepDive {

    private final DeepDiveWrites writes;

    public DeepDiveRecord complete(String contractId, int programmeYear, String overallGrade, String rationale,
                                   List<String> strengths, List<String> areasForImprovement,
                                   List<DeepDiveAction> actions) {
        return writes.officerSends(contractId, programmeYear, contract -> new DeepDiveCommands.Complete(
                DeepDiveCommands.id(contractId, programmeYear), overallGrade, rationale, strengths,
                areasForImprovement, actions));
    }
}
