package org.commissioning.gateway.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DeepDiveProgramme;
import org.commissioning.gateway.query.DashboardView;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A programme year of deep dives (Fig. 1 of the council's report): each contract's deep dive with its status, due
 * date and grade, and the totals, over the contracts the caller may see (a provider's staff, their own provider's).
 */
@Service
@RequiredArgsConstructor
public class ShowDeepDiveProgramme {

    /** The rule a {@code year} that is not a programme year breaks. */
    public static final String PROGRAMME_YEAR = "programme-year";
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final DashboardView view;

    /**
     * For a caller who may read contract summaries (403 otherwise, whatever the year); then {@code year}, as the
     * request gives it, must be a calendar year from 2000 to 2100 (400 {@value #PROGRAMME_YEAR} naming {@code year}).
     */
    public DeepDiveProgramme show(String year) {
        Access.require(Permission.READ_SUMMARIES);
        return view.programme(programmeYear(year), ListDashboardContracts::visible);
    }

    static int programmeYear(String year) {
        String text = year == null ? "" : year.trim();
        if (text.matches("\\d{4}")) {
            int value = Integer.parseInt(text);
            if (value >= FIRST_YEAR && value <= LAST_YEAR) {
                return value;
            }
        }
        throw new RuleViolationException(PROGRAMME_YEAR, "year", "year must be the calendar year a financial year "
                + "starts in, from " + FIRST_YEAR + " to " + LAST_YEAR + " (2018 for 2018-19), not '"
                + (year == null ? "" : year) + "'");
    }
}
