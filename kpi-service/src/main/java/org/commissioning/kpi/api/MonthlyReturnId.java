package org.commissioning.kpi.api;

import java.time.YearMonth;

/** A contract has one monthly return per period, identified as {@code <contractId>:<yyyy-MM>}. */
public final class MonthlyReturnId {

    private MonthlyReturnId() {
    }

    public static String of(String contractId, YearMonth period) {
        return contractId + ":" + period;
    }
}
