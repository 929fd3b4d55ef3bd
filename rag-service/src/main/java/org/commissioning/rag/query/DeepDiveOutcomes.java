package org.commissioning.rag.query;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.rag.api.DeepDiveOutcome;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The outcomes of the contracts' deep dives as deepdive-service published them ({@code deep_dive_outcomes}), one
 * document per contract and programme year, written whole: a redelivered event writes the same document again. Kept
 * apart from the rating history's entries, which are the ratings' own stored events.
 */
@Component
@RequiredArgsConstructor
public class DeepDiveOutcomes {

    static final String COLLECTION = "deep_dive_outcomes";

    private final MongoTemplate mongo;

    public void save(DeepDiveOutcome outcome) {
        mongo.save(outcome, COLLECTION);
    }

    /** The contract's outcomes recorded at or before {@code asOf} (all for null), by programme year. */
    public List<DeepDiveOutcome> of(String contractId, Instant asOf) {
        Criteria criteria = Criteria.where("contractId").is(contractId);
        if (asOf != null) {
            criteria = criteria.and("recordedAt").lte(asOf);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("programmeYear")), DeepDiveOutcome.class, COLLECTION);
    }
}
