package org.commissioning.deepdive.command;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.commissioning.deepdive.api.Grade;

/**
 * The overall grade the service suggests from the nine area grades: the most frequent area grade (a tie goes to the
 * worse grade), but never better than one step above the worst area grade. The officer's overall grade may differ,
 * with a rationale.
 */
public final class SuggestedGrade {

    private SuggestedGrade() {
    }

    /** @param grades at least one area grade */
    public static Grade of(Collection<Grade> grades) {
        if (grades.isEmpty()) {
            throw new IllegalArgumentException("No area graded");
        }
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        grades.forEach(g -> counts.merge(g, 1, Integer::sum));
        Grade modal = null;
        Grade worst = Grade.OUTSTANDING;
        for (Map.Entry<Grade, Integer> count : counts.entrySet()) {
            // EnumMap iterates best first, so ">=" lets an equally frequent worse grade win the tie
            if (modal == null || count.getValue() >= counts.get(modal)) {
                modal = count.getKey();
            }
            worst = count.getKey();
        }
        Grade ceiling = worst.oneStepBetter();
        return ceiling.isWorseThan(modal) ? ceiling : modal;
    }
}
