package org.commissioning.kpi.api;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How a known contract stands after it ended, from {@code ContractTerminated}, {@code ContractExpired} and
 * {@code ContractRecommissioned} (kept apart from the known contracts of infra/known-contracts, in {@code contract_status}).
 *
 * @param id           the contract id (stored as {@code _id})
 * @param status       TERMINATED, EXPIRED or RECOMMISSIONED
 * @param endedOn      the last day of service: a termination's effective date or an expiry's end date (kept when
 *                     the contract is then recommissioned); null if only a recommissioning is known
 * @param lastSequence the sequence number of the last contract event applied to this status
 */
public record ContractStatus(String id, String status, LocalDate endedOn, long lastSequence) {

    public static final String TERMINATED = "TERMINATED";
    public static final String EXPIRED = "EXPIRED";
    public static final String RECOMMISSIONED = "RECOMMISSIONED";

    /**
     * Whether figures for {@code period} are still taken: every month up to and including the one the contract
     * ended in (its final returns), none after.
     */
    public boolean accepts(YearMonth period) {
        return endedOn == null || !period.isAfter(YearMonth.from(endedOn));
    }
}
