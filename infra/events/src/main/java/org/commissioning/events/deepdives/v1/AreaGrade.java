package org.commissioning.events.deepdives.v1;

/**
 * The grade of one area in a {@link DeepDiveCompleted}.
 *
 * @param areaNumber 1 to 9
 * @param area       the area's name (see {@link DeepdivesV1})
 * @param grade      OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT or INADEQUATE
 */
public record AreaGrade(int areaNumber, String area, String grade) {
}
