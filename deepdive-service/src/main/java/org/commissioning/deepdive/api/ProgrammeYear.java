package org.commissioning.deepdive.api;

import java.time.LocalDate;
import java.time.Month;

/**
 * A financial year of the deep-dive programme, named by the year it starts in: 2018 is 1 April 2018 to
 * 31 March 2019 ("2018-19").
 */
public record ProgrammeYear(int year) {

    public static final int EARLIEST = 2000;
    public static final int LATEST = 2100;

    public LocalDate firstDay() {
        return LocalDate.of(year, Month.APRIL, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(year + 1, Month.MARCH, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /** Whether a term from {@code start} to {@code end} (either null where not recorded) overlaps this year. */
    public boolean overlaps(LocalDate start, LocalDate end) {
        return (start == null || !start.isAfter(lastDay())) && (end == null || !end.isBefore(firstDay()));
    }

    /** The last day of the month of this year that {@code month} falls in (April to March). */
    public LocalDate lastDayOf(Month month) {
        int calendarYear = month.compareTo(Month.APRIL) >= 0 ? year : year + 1;
        LocalDate first = LocalDate.of(calendarYear, month, 1);
        return first.withDayOfMonth(first.lengthOfMonth());
    }

    /** {@code 2018-19}. */
    public String label() {
        return year + "-" + String.format("%02d", (year + 1) % 100);
    }
}
