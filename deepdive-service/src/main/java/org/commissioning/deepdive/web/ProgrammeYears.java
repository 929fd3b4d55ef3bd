package org.commissioning.deepdive.web;

import org.commissioning.deepdive.api.ProgrammeYear;
import org.commissioning.platform.domain.RuleViolationException;

/** A programme year in a path: the year its financial year starts in. */
final class ProgrammeYears {

    private ProgrammeYears() {
    }

    /** @throws RuleViolationException {@code programme-year} (field {@code year}) outside 2000..2100 */
    static int checked(int year) {
        if (year < ProgrammeYear.EARLIEST || year > ProgrammeYear.LATEST) {
            throw new RuleViolationException("programme-year", "year", "A programme year is the year its financial "
                    + "year starts in, " + ProgrammeYear.EARLIEST + " to " + ProgrammeYear.LATEST + "; got " + year);
        }
        return year;
    }
}
