package org.commissioning.rag.api;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A contract's term as rag-service knows it from {@code contracts.events.v1}: its start, and its end as registered,
 * varied, extended or brought forward by a termination. Either may be null where contract-service has none recorded
 * (or the contract is not known here), leaving that side unbounded.
 */
public record ContractTerm(LocalDate start, LocalDate end) {

    public static final ContractTerm UNKNOWN = new ContractTerm(null, null);

    /** Whether any day of {@code period} is within the term. */
    public boolean covers(YearMonth period) {
        return (start == null || !period.isBefore(YearMonth.from(start)))
                && (end == null || !period.isAfter(YearMonth.from(end)));
    }

    /** The term as months, e.g. {@code 2018-04..2021-03}; {@code ?} for a side not recorded. */
    @Override
    public String toString() {
        return (start == null ? "?" : YearMonth.from(start).toString()) + ".."
                + (end == null ? "?" : YearMonth.from(end).toString());
    }
}
