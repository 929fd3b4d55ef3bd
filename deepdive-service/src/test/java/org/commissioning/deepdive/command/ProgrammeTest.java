package org.commissioning.deepdive.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.ProgrammeOpenedEvent;
import org.commissioning.platform.domain.StateConflictException;
import org.junit.jupiter.api.Test;

class ProgrammeTest {

    final AggregateTestFixture<Programme> fixture = new AggregateTestFixture<>(Programme.class);

    @Test
    void opensAProgrammeYearOnce() {
        DeepDiveCommands.OpenProgramme open = new DeepDiveCommands.OpenProgramme(DeepDiveCommands.programmeId(2018),
                2018);
        fixture.givenNoPriorActivity().when(open).expectEvents(new ProgrammeOpenedEvent(2018));
        fixture.given(new ProgrammeOpenedEvent(2018)).when(open).expectNoEvents()
                .expectException(StateConflictException.class);
    }
}
