package org.commissioning.kpi.application;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When a month's return is due: {@code kpi.returns.due-day-of-next-month} (1 to 28, default 15) of the next month. */
@Component
public class ReturnDueDates {

    private final int dueDay;

    public ReturnDueDates(@Value("${kpi.returns.due-day-of-next-month:15}") int dueDay) {
        if (dueDay < 1 || dueDay > 28) {
            throw new IllegalArgumentException("kpi.returns.due-day-of-next-month is a day from 1 to 28; got " + dueDay);
        }
        this.dueDay = dueDay;
    }

    public int dueDay() {
        return dueDay;
    }

    public LocalDate of(YearMonth period) {
        return dueDate(period, dueDay);
    }

    public static LocalDate dueDate(YearMonth period, int dueDay) {
        return period.plusMonths(1).atDay(dueDay);
    }
}
