package org.commissioning.deepdive.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.commissioning.deepdive.api.DeepDiveStatus;
import org.commissioning.deepdive.api.ProgrammeRow;
import org.commissioning.deepdive.api.ProgrammeSummary;
import org.junit.jupiter.api.Test;

class FindProgrammeTotalsTest {

    @Test
    void countsTheProgrammeOf2018AsFig1Does() {
        List<ProgrammeRow> rows = new ArrayList<>(Collections.nCopies(13, row(DeepDiveStatus.COMPLETE)));
        rows.addAll(Collections.nCopies(5, row(DeepDiveStatus.PLANNED)));

        ProgrammeSummary.Totals totals = FindProgramme.totals(rows);

        assertThat(totals.deepDives()).isEqualTo(18);
        assertThat(totals.complete()).isEqualTo(13);
        assertThat(totals.pending()).isEqualTo(5);
        assertThat(totals.percentComplete()).isEqualByComparingTo("72.2");
    }

    @Test
    void countsOverdueDeepDivesAsPendingAndLeavesCancelledOnesOutOfThePercentage() {
        ProgrammeSummary.Totals totals = FindProgramme.totals(List.of(row(DeepDiveStatus.COMPLETE),
                row(DeepDiveStatus.OVERDUE), row(DeepDiveStatus.IN_PROGRESS), row(DeepDiveStatus.SCHEDULED),
                row(DeepDiveStatus.CANCELLED)));

        assertThat(totals.pending()).isEqualTo(3);
        assertThat(totals.overdue()).isEqualTo(1);
        assertThat(totals.cancelled()).isEqualTo(1);
        assertThat(totals.percentComplete()).isEqualByComparingTo("25.0");
    }

    @Test
    void anEmptyProgrammeIsNoneComplete() {
        assertThat(FindProgramme.totals(List.of()).percentComplete()).isEqualByComparingTo("0");
    }

    static ProgrammeRow row(DeepDiveStatus status) {
        return new ProgrammeRow("c", "Provider", List.of("Ashford"), status, null, null, false);
    }
}
