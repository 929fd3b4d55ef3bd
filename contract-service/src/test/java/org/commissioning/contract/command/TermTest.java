package org.commissioning.contract.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.commissioning.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class TermTest {

    static final Term TERM = new Term(LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31));

    @Test
    void containsTheMonthsOfItsFirstAndLastDays() {
        assertThat(TERM.containsMonth(YearMonth.of(2016, 4))).isTrue();
        assertThat(TERM.containsMonth(YearMonth.of(2019, 3))).isTrue();
        assertThat(TERM.containsMonth(YearMonth.of(2016, 3))).isFalse();
        assertThat(TERM.containsMonth(YearMonth.of(2019, 4))).isFalse();
    }

    @Test
    void anUnrecordedStartOrEndLeavesThatSideOpen() {
        Term open = new Term(null, null);
        assertThat(open.containsMonth(YearMonth.of(1990, 1))).isTrue();
        assertThat(open.startsAfter(LocalDate.of(1990, 1, 1))).isFalse();
        assertThat(open.endsBefore(LocalDate.of(2990, 1, 1))).isFalse();
        assertThat(open).hasToString("to null");
    }

    @Test
    void refusesADateOutsideItNamingTheField() {
        assertThatThrownBy(() -> TERM.requireWithin(LocalDate.of(2019, 4, 1), "effectiveDate", "The date"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo("date-within-term");
                    assertThat(e.field()).isEqualTo("effectiveDate");
                })
                .hasMessage("The date 2019-04-01 is outside the contract's term 2016-04-01 to 2019-03-31");
    }

    @Test
    void refusesAnEndOnOrBeforeTheStart() {
        assertThatThrownBy(() -> TERM.withEnd(LocalDate.of(2016, 4, 1)).requireEndAfterStart())
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("end-after-start"));
        assertThat(new Term(null, LocalDate.of(2016, 4, 1)).requireEndAfterStart().end())
                .isEqualTo(LocalDate.of(2016, 4, 1));
    }
}
