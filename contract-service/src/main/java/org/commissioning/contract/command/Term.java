package org.commissioning.contract.command;

import java.time.LocalDate;
import java.time.YearMonth;

import org.commissioning.platform.domain.RuleViolationException;

/** The days a contract runs, from {@code start} to {@code end} (either may be unrecorded: null). */
record Term(LocalDate start, LocalDate end) {

    Term withEnd(LocalDate newEnd) {
        return new Term(start, newEnd);
    }

    /** Refuses an end date on or before the start date (rule {@code end-after-start}). */
    Term requireEndAfterStart() {
        if (start != null && end != null && !end.isAfter(start)) {
            throw new RuleViolationException("end-after-start", "end",
                    "The end date " + end + " must be after the start date " + start);
        }
        return this;
    }

    boolean startsAfter(LocalDate date) {
        return start != null && date.isBefore(start);
    }

    boolean endsBefore(LocalDate date) {
        return end != null && date.isAfter(end);
    }

    boolean containsMonth(YearMonth month) {
        return (start == null || !month.isBefore(YearMonth.from(start)))
                && (end == null || !month.isAfter(YearMonth.from(end)));
    }

    /** Refuses a date outside the term (rule {@code date-within-term}); {@code what} names the date. */
    void requireWithin(LocalDate date, String field, String what) {
        if (startsAfter(date) || endsBefore(date)) {
            throw new RuleViolationException("date-within-term", field, what + " " + date
                    + " is outside the contract's term " + this);
        }
    }

    @Override
    public String toString() {
        return (start == null ? "" : start + " ") + "to " + end;
    }
}
