package org.commissioning.gateway.application.portal;

import java.time.YearMonth;

/** What came of a return made in the portal: kpi-service took it, or refused it and the month's page says why. */
public sealed interface ReturnOutcome {

    record Submitted(String contractId, YearMonth period) implements ReturnOutcome {
    }

    /** @param status kpi-service's (400, 409), or 400 for a field the gateway could not read as a number */
    record Refused(int status, ReturnMonth page) implements ReturnOutcome {
    }
}
