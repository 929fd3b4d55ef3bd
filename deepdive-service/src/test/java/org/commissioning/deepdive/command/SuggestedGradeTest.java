package org.commissioning.deepdive.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.deepdive.api.Grade.GOOD;
import static org.commissioning.deepdive.api.Grade.INADEQUATE;
import static org.commissioning.deepdive.api.Grade.OUTSTANDING;
import static org.commissioning.deepdive.api.Grade.REQUIRES_IMPROVEMENT;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestedGradeTest {

    @Test
    void suggestsTheMostFrequentAreaGrade() {
        assertThat(SuggestedGrade.of(List.of(GOOD, GOOD, GOOD, GOOD, GOOD, REQUIRES_IMPROVEMENT, GOOD, OUTSTANDING,
                GOOD))).isEqualTo(GOOD);
    }

    @Test
    void breaksATieTowardsTheWorseGrade() {
        assertThat(SuggestedGrade.of(List.of(OUTSTANDING, OUTSTANDING, GOOD, GOOD))).isEqualTo(GOOD);
        assertThat(SuggestedGrade.of(List.of(GOOD, REQUIRES_IMPROVEMENT, GOOD, REQUIRES_IMPROVEMENT, OUTSTANDING)))
                .isEqualTo(REQUIRES_IMPROVEMENT);
    }

    @Test
    void neverSuggestsBetterThanOneStepAboveTheWorstArea() {
        assertThat(SuggestedGrade.of(List.of(OUTSTANDING, OUTSTANDING, OUTSTANDING, OUTSTANDING, OUTSTANDING,
                OUTSTANDING, OUTSTANDING, OUTSTANDING, INADEQUATE))).isEqualTo(REQUIRES_IMPROVEMENT);
        assertThat(SuggestedGrade.of(List.of(OUTSTANDING, OUTSTANDING, REQUIRES_IMPROVEMENT))).isEqualTo(GOOD);
    }

    @Test
    void suggestsInadequateWhenMostAreasAreInadequate() {
        assertThat(SuggestedGrade.of(List.of(INADEQUATE, INADEQUATE, GOOD))).isEqualTo(INADEQUATE);
    }

    @Test
    void suggestsOutstandingOnlyWhenNoAreaIsBelowGood() {
        assertThat(SuggestedGrade.of(List.of(OUTSTANDING, OUTSTANDING, GOOD))).isEqualTo(OUTSTANDING);
    }
}
