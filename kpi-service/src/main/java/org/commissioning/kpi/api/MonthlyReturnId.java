package org.commissioning.kpi.api;

import java.time.YearMonth;

/** A contract has one monthly return per period, identified as {@code <contractId>:<yyyy-MM>}. */
public final class MonthlyReturnId {

    private MonthlyReturnId() {
    }

    public static String of(String contractId, YearMonth period) {
        return streamPrefix(contractId) + period;
    }

    /** What the id of every return of the contract starts with. */
    public static String streamPrefix(String contractId) {
        return contractId + ":";
    }
}
