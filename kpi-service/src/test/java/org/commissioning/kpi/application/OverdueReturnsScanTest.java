package org.commissioning.kpi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiTemplates;
import org.commissioning.kpi.application.OverdueReturnsScan.Due;
import org.junit.jupiter.api.Test;

class OverdueReturnsScanTest {

    static final FrameworkHistory FROM_OCTOBER = new FrameworkHistory(List.of(new KpiFrameworkVersion(1,
            YearMonth.of(2018, 10), KpiTemplates.forServiceArea("EMOTIONAL_HEALTH_AND_WELLBEING"), null)));

    @Test
    void derivesDuePeriodsFromTheFrameworkToLastMonthOnceTheirDueDayHasPassed() {
        KnownContract contract = contract(LocalDate.of(2017, 4, 1), null);

        assertThat(OverdueReturnsScan.overdue(contract, FROM_OCTOBER, LocalDate.of(2019, 1, 15), 15))
                .containsExactly(new Due(YearMonth.of(2018, 10), LocalDate.of(2018, 11, 15)),
                        new Due(YearMonth.of(2018, 11), LocalDate.of(2018, 12, 15)));
        assertThat(OverdueReturnsScan.overdue(contract, FROM_OCTOBER, LocalDate.of(2019, 1, 16), 15))
                .extracting(Due::period).containsExactly(YearMonth.of(2018, 10), YearMonth.of(2018, 11),
                        YearMonth.of(2018, 12));
    }

    @Test
    void staysWithinTheContractsTermAndNeedsAFramework() {
        KnownContract contract = contract(LocalDate.of(2018, 12, 10), LocalDate.of(2019, 1, 31));

        assertThat(OverdueReturnsScan.overdue(contract, FROM_OCTOBER, LocalDate.of(2019, 6, 1), 15))
                .extracting(Due::period).containsExactly(YearMonth.of(2018, 12), YearMonth.of(2019, 1));
        assertThat(OverdueReturnsScan.overdue(contract, FrameworkHistory.NONE, LocalDate.of(2019, 6, 1), 15)).isEmpty();
    }

    private static KnownContract contract(LocalDate start, LocalDate end) {
        return new KnownContract("c", "NELFT", "EMOTIONAL_HEALTH_AND_WELLBEING", "COUNTY", List.of(), List.of(),
                start, end, Instant.parse("2018-04-03T09:15:00Z"), 1);
    }

    @Test
    void expectsNoReturnAfterTheMonthTheContractEnded() {
        KnownContract contract = new KnownContract("c", "P", "YOUTH", "DISTRICT", List.of("South"), List.of("Dover"),
                LocalDate.of(2016, 4, 1), null, Instant.parse("2016-04-01T00:00:00Z"), 1);

        assertThat(OverdueReturnsScan.overdue(contract, LocalDate.of(2018, 11, 20), FROM_OCTOBER,
                LocalDate.of(2019, 6, 1), 15))
                .extracting(OverdueReturnsScan.Due::period)
                .containsExactly(YearMonth.of(2018, 10), YearMonth.of(2018, 11));
    }
}
