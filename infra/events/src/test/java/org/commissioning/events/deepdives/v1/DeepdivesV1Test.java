package org.commissioning.events.deepdives.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.commissioning.events.EventType;
import org.commissioning.events.Topics;
import org.junit.jupiter.api.Test;

class DeepdivesV1Test {

    @Test
    void everyDeepDiveEventTravelsOnTheDeepDivesTopic() {
        assertThat(DeepdivesV1.TYPES).isNotEmpty()
                .allSatisfy(type -> assertThat(EventType.of(type).topic()).isEqualTo(Topics.DEEPDIVES));
        assertThat(EventType.of(DeepDiveCompleted.class).qualifiedName())
                .isEqualTo("org.commissioning.deepdives.DeepDiveCompleted.v1");
    }

    @Test
    void aHistoricCompletionCarriesEmptyListsRatherThanNulls() {
        DeepDiveCompleted historic = new DeepDiveCompleted("c-1", 2018, null, null, null, null, null, null, null,
                null, false, true, "Fig. 1");

        assertThat(historic.areas()).isEmpty();
        assertThat(historic.strengths()).isEmpty();
        assertThat(historic.areasForImprovement()).isEmpty();
        assertThat(historic.actions()).isEmpty();
    }

    @Test
    void aCompletionKeepsTheListsItWasGivenAsTheyWere() {
        List<String> strengths = new ArrayList<>(List.of("Reaches young people the centres do not."));
        DeepDiveCompleted completed = new DeepDiveCompleted("c-1", 2018, null, "GOOD", "GOOD", null,
                List.of(new AreaGrade(1, "DIRECT_WORK", "GOOD")), strengths, List.of(), List.of(), false, false,
                null);
        strengths.clear();

        assertThat(completed.strengths()).containsExactly("Reaches young people the centres do not.");
    }
}
