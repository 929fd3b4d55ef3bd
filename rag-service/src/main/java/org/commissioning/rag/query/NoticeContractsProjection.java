package org.commissioning.rag.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What the performance notices need of a contract beyond its term (infra/known-contracts): its annual value, as
 * registered or varied, and the effective date of its termination ({@code notice_contracts}, keyed by the contract
 * id). Writes are guarded by the contract's event sequence, so an event applied again changes nothing.
 */
@Component
@RequiredArgsConstructor
public class NoticeContractsProjection {

    public static final String COLLECTION = "notice_contracts";

    private final MongoTemplate mongo;

    /**
     * @param annualValueGbp null where not recorded
     * @param terminatedOn   the termination's effective date; null unless terminated
     */
    public record NoticeContract(String id, BigDecimal annualValueGbp, LocalDate terminatedOn, long lastSequence) {
    }

    public void valued(String contractId, BigDecimal annualValueGbp, long sequence) {
        NoticeContract existing = find(contractId).orElse(null);
        if (existing == null || existing.lastSequence() < sequence) {
            mongo.save(new NoticeContract(contractId, annualValueGbp,
                    existing == null ? null : existing.terminatedOn(), sequence), COLLECTION);
        }
    }

    public void terminated(String contractId, LocalDate effectiveDate, long sequence) {
        NoticeContract existing = find(contractId).orElse(null);
        if (existing == null || existing.lastSequence() < sequence) {
            mongo.save(new NoticeContract(contractId, existing == null ? null : existing.annualValueGbp(),
                    effectiveDate, sequence), COLLECTION);
        }
    }

    public Optional<NoticeContract> find(String contractId) {
        return Optional.ofNullable(mongo.findById(contractId, NoticeContract.class, COLLECTION));
    }
}
