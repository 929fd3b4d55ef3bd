package org.commissioning.rag.application;

import java.math.BigDecimal;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.commissioning.rag.query.NoticeContractsProjection;
import org.springframework.stereotype.Service;

/** Keeps what the performance notices need of a contract (value, termination) current from contracts.events.v1. */
@Service
@RequiredArgsConstructor
public class FollowNoticeContracts {

    private final NoticeContractsProjection view;

    public void valued(String contractId, BigDecimal annualValueGbp, long sequence) {
        view.valued(contractId, annualValueGbp, sequence);
    }

    public void terminated(String contractId, LocalDate effectiveDate, long sequence) {
        view.terminated(contractId, effectiveDate, sequence);
    }
}
