package org.commissioning.rag.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;

import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What the performance notices need of a contract beyond its current term (infra/known-contracts): its annual value
 * and its agreed end, as registered, varied or extended (a termination does not move the agreed end, so the value
 * a contract was let at stays what decides its s.52 scope), and the effective date of its termination
 * ({@code notice_contracts}, keyed by the contract id). Writes are guarded by the contract's event sequence, so an
 * event applied again changes nothing.
 */
@Component
@RequiredArgsConstructor
public class NoticeContractsProjection {

    public static final String COLLECTION = "notice_contracts";

    private final MongoTemplate mongo;

    /**
     * @param annualValueGbp null where not recorded
     * @param agreedEnd      the end as registered, varied or extended; null where not recorded
     * @param terminatedOn   the termination's effective date; null unless terminated
     */
    public record NoticeContract(String id, BigDecimal annualValueGbp, LocalDate agreedEnd, LocalDate terminatedOn,
                                 long lastSequence) {
    }

    /** A registration or a variation: the value and the end from now on. */
    public void agreed(String contractId, BigDecimal annualValueGbp, LocalDate end, long sequence) {
        apply(contractId, sequence, c -> new NoticeContract(contractId, annualValueGbp, end, c.terminatedOn(),
                sequence));
    }

    public void extended(String contractId, LocalDate end, long sequence) {
        apply(contractId, sequence, c -> new NoticeContract(contractId, c.annualValueGbp(), end, c.terminatedOn(),
                sequence));
    }

    public void terminated(String contractId, LocalDate effectiveDate, long sequence) {
        apply(contractId, sequence, c -> new NoticeContract(contractId, c.annualValueGbp(), c.agreedEnd(),
                effectiveDate, sequence));
    }

    public Optional<NoticeContract> find(String contractId) {
        return Optional.ofNullable(mongo.findById(contractId, NoticeContract.class, COLLECTION));
    }

    private void apply(String contractId, long sequence, UnaryOperator<NoticeContract> change) {
        NoticeContract existing = find(contractId).orElse(new NoticeContract(contractId, null, null, null, 0));
        if (existing.lastSequence() < sequence) {
            mongo.save(change.apply(existing), COLLECTION);
        }
    }
}
