package org.commissioning.gateway.application.portal;

import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/** The council's financial year, April to March, named by the year it starts in: 2018 is "2018-19". */
public record FinancialYear(int startYear) {

    public static FinancialYear of(YearMonth month) {
        return new FinancialYear(month.getMonthValue() >= Month.APRIL.getValue() ? month.getYear() : month.getYear() - 1);
    }

    public String label() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }

    public YearMonth first() {
        return YearMonth.of(startYear, Month.APRIL);
    }

    public YearMonth last() {
        return YearMonth.of(startYear + 1, Month.MARCH);
    }

    public List<YearMonth> months() {
        return Stream.iterate(first(), m -> !m.isAfter(last()), m -> m.plusMonths(1)).toList();
    }
}
