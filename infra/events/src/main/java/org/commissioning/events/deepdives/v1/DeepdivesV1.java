package org.commissioning.events.deepdives.v1;

import java.util.List;

/**
 * The event types of {@code deepdives.events.v1}, version 1: the annual deep dive of each contract (one per contract
 * and programme year), keyed by the contract id.
 * <p>
 * Vocabulary (values are strings, so a consumer skips one it does not know rather than failing to decode):
 * <ul>
 *   <li>grades, the Early Help / Ofsted scale: {@code OUTSTANDING}, {@code GOOD}, {@code REQUIRES_IMPROVEMENT},
 *       {@code INADEQUATE};</li>
 *   <li>the nine areas of a deep dive, by number: 1 {@code DIRECT_WORK}, 2 {@code STAFF_EXPECTATIONS},
 *       3 {@code FUNDING_AND_PAYMENT}, 4 {@code SERVICE_REQUIREMENTS}, 5 {@code VOICE_OF_THE_CHILD},
 *       6 {@code PLANNING_AND_REVIEW}, 7 {@code MULTI_AGENCY_AND_SUPERVISION}, 8 {@code MANAGEMENT_OVERSIGHT},
 *       9 {@code LESSONS_AND_VARIATION};</li>
 *   <li>a programme year is the calendar year its financial year starts in: 2018 is 1 April 2018 to 31 March 2019.</li>
 * </ul>
 */
public final class DeepdivesV1 {

    public static final List<Class<?>> TYPES = List.of(
            DeepDivePlanned.class,
            DeepDiveScheduled.class,
            DeepDiveStarted.class,
            DeepDiveAreaGraded.class,
            DeepDiveCompleted.class,
            DeepDiveOverdue.class,
            DeepDiveCancelled.class,
            VariationRecommended.class,
            HistorySealed.class);

    private DeepdivesV1() {
    }
}
