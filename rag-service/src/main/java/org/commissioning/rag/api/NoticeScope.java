package org.commissioning.rag.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether a contract is in scope of Procurement Act 2023 s.52 (and so owes s.71 notices), and why, as known when a
 * notice was drafted or a scan ran.
 *
 * @param totalValueGbp the annual value times the term in years; null where either is not recorded
 * @param kpis          the number of KPIs of the framework version in force at the end of the assessment year
 * @param start         the contract's start: the Act applies to contracts starting on or after its commencement
 * @param reasons       why it is out of scope; empty when in scope
 */
public record NoticeScope(boolean inScope, BigDecimal totalValueGbp, int kpis, LocalDate start, List<String> reasons) {

    public NoticeScope {
        reasons = List.copyOf(reasons);
    }
}
