package org.commissioning.deepdive.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.eventhandling.GenericEventMessage;
import org.commissioning.deepdive.api.Area;
import org.commissioning.deepdive.api.AreaGrade;
import org.commissioning.deepdive.api.DeepDiveAction;
import org.commissioning.deepdive.api.DeepDiveCompletedEvent;
import org.commissioning.deepdive.api.DeepDiveOverdueEvent;
import org.commissioning.deepdive.api.DeepDiveScheduledEvent;
import org.commissioning.deepdive.api.DeepDiveStartedEvent;
import org.commissioning.deepdive.api.Grade;
import org.commissioning.deepdive.api.ProgrammeOpenedEvent;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDiveOverdue;
import org.commissioning.events.deepdives.v1.DeepDiveScheduled;
import org.commissioning.events.deepdives.v1.DeepDiveStarted;
import org.commissioning.platform.relay.IntegrationEventTranslator.Outgoing;
import org.junit.jupiter.api.Test;

class DeepDiveEventTranslatorTest {

    static final String C = "c-1";
    final DeepDiveEventTranslator translator = new DeepDiveEventTranslator();

    @Test
    void publishesEachDeepDiveEventKeyedByTheContract() {
        assertThat(translate(new DeepDiveStartedEvent(C, 2018, LocalDate.of(2018, 5, 24), "officer.jones")))
                .isEqualTo(new Outgoing(C, new DeepDiveStarted(C, 2018, LocalDate.of(2018, 5, 24), "officer.jones")));
        assertThat(translate(new DeepDiveOverdueEvent(C, 2018, LocalDate.of(2018, 4, 30))))
                .isEqualTo(new Outgoing(C, new DeepDiveOverdue(C, 2018, LocalDate.of(2018, 4, 30))));
    }

    @Test
    void tellsAFirstSchedulingFromARescheduling() {
        assertThat(translate(new DeepDiveScheduledEvent(C, 2018, LocalDate.of(2018, 5, 24), "jo", null, null))
                .payload()).isEqualTo(new DeepDiveScheduled(C, 2018, LocalDate.of(2018, 5, 24), "jo", false, null));
        assertThat(translate(new DeepDiveScheduledEvent(C, 2018, LocalDate.of(2018, 6, 1), "jo",
                LocalDate.of(2018, 5, 24), "Leave")).payload())
                .isEqualTo(new DeepDiveScheduled(C, 2018, LocalDate.of(2018, 6, 1), "jo", true, "Leave"));
    }

    @Test
    void publishesACompletionWithAreasByNumberAndNameAndAHistoricOneWithoutGrades() {
        DeepDiveCompleted evaluated = (DeepDiveCompleted) translate(new DeepDiveCompletedEvent(C, 2018,
                LocalDate.of(2018, 5, 25), Grade.INADEQUATE, Grade.REQUIRES_IMPROVEMENT, "Safeguarding",
                List.of(new AreaGrade(Area.VOICE_OF_THE_CHILD, Grade.GOOD)), List.of("s"), List.of("a"),
                List.of(new DeepDiveAction("d", "o", LocalDate.of(2018, 7, 31))), "Demand doubled", false, null))
                .payload();
        assertThat(evaluated.overallGrade()).isEqualTo("INADEQUATE");
        assertThat(evaluated.areas()).containsExactly(
                new org.commissioning.events.deepdives.v1.AreaGrade(5, "VOICE_OF_THE_CHILD", "GOOD"));
        assertThat(evaluated.actions()).containsExactly(
                new org.commissioning.events.deepdives.v1.DeepDiveAction("d", "o", LocalDate.of(2018, 7, 31)));
        assertThat(evaluated.variationRecommended()).isTrue();

        DeepDiveCompleted historic = (DeepDiveCompleted) translate(new DeepDiveCompletedEvent(C, 2018,
                LocalDate.of(2018, 5, 31), null, null, null, List.of(), List.of(), List.of(), List.of(), null, true,
                "Fig. 1")).payload();
        assertThat(historic.overallGrade()).isNull();
        assertThat(historic.suggestedGrade()).isNull();
        assertThat(historic.historic()).isTrue();
        assertThat(historic.variationRecommended()).isFalse();
    }

    @Test
    void keepsTheOpeningOfAProgrammeToItself() {
        assertThat(translator.translate(GenericEventMessage.asEventMessage(new ProgrammeOpenedEvent(2018)))).isEmpty();
    }

    private Outgoing translate(Object stored) {
        return translator.translate(GenericEventMessage.asEventMessage(stored)).orElseThrow();
    }
}
