package org.commissioning.events.deepdives.v1;

import java.time.LocalDate;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A deep dive was completed: evaluated by an officer, with the nine areas graded, or recorded as completed from a
 * historic source that gives no grades ({@code historic}; then every grade is null and {@code areas} is empty).
 *
 * @param completedOn           the day it was completed
 * @param overallGrade          the officer's overall grade (OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE);
 *                              null only for a historic record
 * @param suggestedGrade        the grade the service suggested from the areas; null only for a historic record
 * @param rationale             why the overall grade differs from the suggested one; null when they agree
 * @param areas                 the nine areas' grades, in area order; empty for a historic record
 * @param strengths             overall strengths
 * @param areasForImprovement   overall areas for improvement
 * @param actions               the actions agreed, each with an owner and a due date
 * @param variationRecommended  whether area 9 recommended a formal variation (then a {@link VariationRecommended}
 *                              follows)
 * @param historic              recorded from a historic source, without an evaluation
 * @param sourceReference       for a historic record, where it comes from (e.g. a report's figure); else null
 */
@PublishedEvent(context = Context.DEEPDIVES, name = "DeepDiveCompleted", version = 1)
public record DeepDiveCompleted(
        String contractId,
        int programmeYear,
        LocalDate completedOn,
        String overallGrade,
        String suggestedGrade,
        String rationale,
        List<AreaGrade> areas,
        List<String> strengths,
        List<String> areasForImprovement,
        List<DeepDiveAction> actions,
        boolean variationRecommended,
        boolean historic,
        String sourceReference) {

    public DeepDiveCompleted {
        areas = areas == null ? List.of() : List.copyOf(areas);
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        areasForImprovement = areasForImprovement == null ? List.of() : List.copyOf(areasForImprovement);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
