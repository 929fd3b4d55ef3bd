package org.commissioning.deepdive.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The deep dive was completed: evaluated, or recorded from a historic source without grades ({@code historic}; then
 * {@code overallGrade} and {@code suggestedGrade} are null and {@code areas} empty).
 *
 * @param rationale       why the overall grade differs from the suggested one; null when they agree
 * @param variationReason the reason of area 9's recommendation of a formal variation; null when none
 * @param sourceReference a historic record's source; else null
 */
@Revision("1")
public record DeepDiveCompletedEvent(String contractId, int programmeYear, LocalDate completedOn, Grade overallGrade,
                                     Grade suggestedGrade, String rationale, List<AreaGrade> areas,
                                     List<String> strengths, List<String> areasForImprovement,
                                     List<DeepDiveAction> actions, String variationReason, boolean historic,
                                     String sourceReference) implements DeepDiveEvent {

    public DeepDiveCompletedEvent {
        areas = areas == null ? List.of() : List.copyOf(areas);
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        areasForImprovement = areasForImprovement == null ? List.of() : List.copyOf(areasForImprovement);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
