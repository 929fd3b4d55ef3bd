package org.commissioning.kpi.query;

import java.util.List;
import java.util.Optional;

import org.commissioning.kpi.api.KnownContract;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The contracts this service knows, fed from {@code contracts.events.v1} by the integration package.
 * Writes are whole-document upserts keyed by the contract id, so applying an event again changes nothing.
 */
@Component
public class KnownContractsProjection {

    public static final String COLLECTION = "known_contracts";

    private final MongoTemplate mongo;

    public KnownContractsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void on(KnownContract contract) {
        mongo.save(contract, COLLECTION);
    }

    public Optional<KnownContract> find(String contractId) {
        return Optional.ofNullable(mongo.findById(contractId, KnownContract.class, COLLECTION));
    }

    public List<KnownContract> all() {
        return mongo.find(new Query().with(Sort.by("provider", "id")), KnownContract.class, COLLECTION);
    }
}
