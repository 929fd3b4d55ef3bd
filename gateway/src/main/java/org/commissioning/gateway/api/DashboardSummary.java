package org.commissioning.gateway.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Totals over every contract on the dashboard the caller may see.
 *
 * @param contracts               how many contracts there are
 * @param byServiceArea           contracts per service area
 * @param byArea                  contracts covering each area (a county-wide contract counts in all four)
 * @param byRag                   contracts per overall rating: GREEN, AMBER, RED and NOT_RATED (not rated yet), each
 *                                present, zero included (a rating outside these would be counted under its own
 *                                name); the counts add up to {@code contracts}
 * @param totalAnnualValueGbp     sum of the annual values that are known
 * @param contractsWithKnownValue how many contracts that sum is over
 */
public record DashboardSummary(
        long contracts,
        Map<String, Long> byServiceArea,
        Map<String, Long> byArea,
        Map<String, Long> byRag,
        BigDecimal totalAnnualValueGbp,
        long contractsWithKnownValue) {
}
