package org.commissioning.events.deepdives.v1;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * An officer graded one of the nine areas of a deep dive (again: the later grade replaces the earlier one).
 * The evidence and findings stay in deepdive-service.
 *
 * @param areaNumber 1 to 9
 * @param area       the area's name (see {@link DeepdivesV1})
 * @param grade      OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT or INADEQUATE
 */
@PublishedEvent(context = Context.DEEPDIVES, name = "DeepDiveAreaGraded", version = 1)
public record DeepDiveAreaGraded(
        String contractId,
        int programmeYear,
        int areaNumber,
        String area,
        String grade) {
}
