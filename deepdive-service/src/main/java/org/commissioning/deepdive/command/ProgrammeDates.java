package org.commissioning.deepdive.command;

import java.time.LocalDate;
import java.time.Month;

import org.commissioning.deepdive.api.ContractTerm;
import org.commissioning.deepdive.api.ProgrammeYear;
import org.commissioning.platform.domain.RuleViolationException;

/** When a deep dive is due: by default in the contract's anniversary month, always within the year and the term. */
final class ProgrammeDates {

    private ProgrammeDates() {
    }

    /** The last day of the contract's anniversary month within the year, kept within the term. */
    static LocalDate defaultDueDate(ProgrammeYear year, ContractTerm term) {
        Month anniversary = term.start() != null ? term.start().getMonth()
                : term.end() != null ? term.end().getMonth() : Month.MARCH;
        LocalDate due = year.lastDayOf(anniversary);
        if (term.end() != null && due.isAfter(term.end())) {
            due = term.end();
        }
        return due;
    }

    static void within(ProgrammeYear year, ContractTerm term, LocalDate date, String field, String rule) {
        if (!year.contains(date)) {
            throw new RuleViolationException(rule + "-within-year", field, date + " is outside the programme "
                    + year.label() + " (" + year.firstDay() + ".." + year.lastDay() + ")");
        }
        if (!term.contains(date)) {
            throw new RuleViolationException(rule + "-within-term", field, date + " is outside the contract's term "
                    + term);
        }
    }
}
