package org.commissioning.kpi.query;

import java.time.LocalDate;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.commissioning.kpi.api.ContractStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The status of contracts that ended ({@code contract_status}, keyed by contract id), fed from
 * {@code contracts.events.v1}. An event is applied only if its sequence is higher than the last applied, so a
 * replay or a late redelivery never takes a contract back to an earlier status.
 */
@Component
@RequiredArgsConstructor
public class ContractStatusView {

    public static final String COLLECTION = "contract_status";

    private final MongoTemplate mongo;

    /**
     * Applies a status change of sequence {@code sequence}; {@code endedOn} null keeps the date already known
     * (a recommissioning does not change when the contract ended).
     *
     * @return whether it was applied (false for an event at or below the last applied sequence)
     */
    public boolean apply(String contractId, String status, LocalDate endedOn, long sequence) {
        Update update = new Update().set("status", status).set("lastSequence", sequence);
        if (endedOn != null) {
            update.set("endedOn", endedOn);
        }
        Query newer = Query.query(Criteria.where("_id").is(contractId).and("lastSequence").lt(sequence));
        if (mongo.updateFirst(newer, update, ContractStatus.class, COLLECTION).getMatchedCount() > 0) {
            return true;
        }
        if (mongo.exists(Query.query(Criteria.where("_id").is(contractId)), COLLECTION)) {
            return false;
        }
        try {
            mongo.insert(new ContractStatus(contractId, status, endedOn, sequence), COLLECTION);
            return true;
        } catch (DuplicateKeyException raced) {
            return apply(contractId, status, endedOn, sequence);
        }
    }

    public Optional<ContractStatus> find(String contractId) {
        return Optional.ofNullable(mongo.findById(contractId, ContractStatus.class, COLLECTION));
    }
}
