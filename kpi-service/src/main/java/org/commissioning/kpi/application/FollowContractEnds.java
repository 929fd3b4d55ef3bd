package org.commissioning.kpi.application;

import java.time.LocalDate;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.kpi.query.ContractStatusView;
import org.springframework.stereotype.Service;

/**
 * Keeps the status of contracts that ended (terminated, expired, recommissioned) from contract-service's events;
 * an event applies only if its sequence is higher than the last applied, so a replay never takes a contract back.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FollowContractEnds {

    private final ContractStatusView statuses;

    /**
     * @param status  a {@link org.commissioning.kpi.api.ContractStatus} status
     * @param endedOn null to keep the date it ended (recommissioning)
     */
    public void record(String contractId, String status, LocalDate endedOn, long sequence) {
        statuses.apply(contractId, status, endedOn, sequence);
    }
}
