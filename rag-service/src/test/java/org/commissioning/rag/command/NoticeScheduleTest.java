package org.commissioning.rag.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.commissioning.rag.api.NoticeScope;
import org.commissioning.rag.api.NoticeTrigger;
import org.junit.jupiter.api.Test;

class NoticeScheduleTest {

    static final LocalDate START = LocalDate.of(2025, 4, 1);
    static final LocalDate END = LocalDate.of(2028, 3, 31);

    @Test
    void putsAContractInScopeOverFiveMillionWithThreeKpisStartingAfterTheActCameIntoForce() {
        NoticeScope scope = NoticeSchedule.scope(new BigDecimal("1750000"), START, END, 3);

        assertThat(scope.inScope()).isTrue();
        assertThat(scope.totalValueGbp()).isEqualByComparingTo("5250000");
        assertThat(scope.reasons()).isEmpty();
    }

    @Test
    void namesEveryReasonAContractIsOutOfScope() {
        assertThat(NoticeSchedule.scope(new BigDecimal("1750000"), START, END, 2).reasons())
                .containsExactly("2 KPIs, fewer than 3");
        assertThat(NoticeSchedule.scope(new BigDecimal("1666666.66"), START, END, 3).reasons())
                .singleElement().asString().contains("is not over £5000000");
        assertThat(NoticeSchedule.scope(new BigDecimal("5000000"), LocalDate.of(2025, 2, 23), END, 3).reasons())
                .singleElement().asString().contains("before the Procurement Act 2023 came into force on 2025-02-24");
        assertThat(NoticeSchedule.scope(new BigDecimal("5000000"), LocalDate.of(2025, 2, 24), END, 3).inScope())
                .isTrue();
        assertThat(NoticeSchedule.scope(null, null, null, 0).reasons()).hasSize(3);
    }

    @Test
    void runsAssessmentYearsInTwelveMonthStepsFromTheStartClippedToTheEnd() {
        assertThat(NoticeSchedule.yearTo(START, END, YearMonth.of(2026, 4))).contains(YearMonth.of(2027, 3));
        assertThat(NoticeSchedule.yearTo(START, END, YearMonth.of(2026, 5))).isEmpty();
        assertThat(NoticeSchedule.yearTo(START, END, YearMonth.of(2028, 4))).isEmpty();
        assertThat(NoticeSchedule.yearTo(START, LocalDate.of(2026, 6, 30), YearMonth.of(2026, 4)))
                .contains(YearMonth.of(2026, 6));
        assertThat(NoticeSchedule.yearTo(null, END, YearMonth.of(2025, 4))).isEmpty();
    }

    @Test
    void makesANoticeDueThirtyDaysAfterItsYearAndOverdueTheDayAfter() {
        assertThat(NoticeSchedule.overdueBy(START, END, null, LocalDate.of(2026, 4, 30))).isEmpty();
        assertThat(NoticeSchedule.overdueBy(START, END, null, LocalDate.of(2026, 5, 1))).singleElement()
                .isEqualTo(new NoticeSchedule.DueNotice(YearMonth.of(2025, 4), YearMonth.of(2026, 3),
                        LocalDate.of(2026, 4, 30), NoticeTrigger.ANNUAL));
    }

    @Test
    void makesTheNoticeOfTheYearOfATerminationDueThirtyDaysAfterItsEffectiveDate() {
        LocalDate terminated = LocalDate.of(2026, 6, 15);

        assertThat(NoticeSchedule.years(START, terminated, terminated, LocalDate.of(2026, 7, 16))).containsExactly(
                new NoticeSchedule.DueNotice(YearMonth.of(2025, 4), YearMonth.of(2026, 3), LocalDate.of(2026, 4, 30),
                        NoticeTrigger.ANNUAL),
                new NoticeSchedule.DueNotice(YearMonth.of(2026, 4), YearMonth.of(2026, 6), LocalDate.of(2026, 7, 15),
                        NoticeTrigger.TERMINATION));
        assertThat(NoticeSchedule.overdueBy(START, terminated, terminated, LocalDate.of(2026, 7, 15))).hasSize(1);
    }
}
