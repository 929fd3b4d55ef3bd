package org.commissioning.rag.application;

import java.math.BigDecimal;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.commissioning.rag.query.NoticeContractsProjection;
import org.springframework.stereotype.Service;

/**
 * Keeps what the performance notices need of a contract (value, agreed end, termination) current from
 * contracts.events.v1.
 */
@Service
@RequiredArgsConstructor
public class FollowNoticeContracts {

    private final NoticeContractsProjection view;

    /** A registration or a variation. */
    public void agreed(String contractId, BigDecimal annualValueGbp, LocalDate end, long sequence) {
        view.agreed(contractId, annualValueGbp, end, sequence);
    }

    public void extended(String contractId, LocalDate end, long sequence) {
        view.extended(contractId, end, sequence);
    }

    public void terminated(String contractId, LocalDate effectiveDate, long sequence) {
        view.terminated(contractId, effectiveDate, sequence);
    }
}
