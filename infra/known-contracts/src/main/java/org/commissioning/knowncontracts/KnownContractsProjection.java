package org.commissioning.knowncontracts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The contracts a service knows and their current terms ({@code known_contracts}, keyed by the contract id), fed
 * from {@code contracts.events.v1} by {@link KnownContractEvents}. Writes are whole-document upserts guarded by the
 * contract's event sequence, so applying an event again changes nothing and an older one does not undo a newer.
 */
@RequiredArgsConstructor
public class KnownContractsProjection {

    public static final String COLLECTION = "known_contracts";
    private static final Logger log = LoggerFactory.getLogger(KnownContractsProjection.class);

    private final MongoTemplate mongo;

    /** A registration; one the view has seen already, or seen changed since, changes nothing. */
    public void on(KnownContract contract) {
        KnownContract existing = find(contract.id()).orElse(null);
        if (existing != null && existing.lastSequence() >= contract.lastSequence()) {
            return;
        }
        mongo.save(contract, COLLECTION);
    }

    /**
     * The contract's term now ends on {@code end} (a variation, an extension or a termination), as of the contract's
     * event {@code sequence}; an event the view has applied already, or one of a contract it does not know, changes
     * nothing.
     */
    public void termEnds(String contractId, LocalDate end, long sequence) {
        KnownContract existing = find(contractId).orElse(null);
        if (existing == null) {
            log.warn("Contract {} is not known here; its new end date {} (event {}) is ignored", contractId, end,
                    sequence);
            return;
        }
        if (existing.lastSequence() >= sequence) {
            return;
        }
        mongo.save(existing.endingOn(end, sequence), COLLECTION);
    }

    public Optional<KnownContract> find(String contractId) {
        return Optional.ofNullable(mongo.findById(contractId, KnownContract.class, COLLECTION));
    }

    /** Every known contract, by provider then id. */
    public List<KnownContract> all() {
        return mongo.find(new Query().with(Sort.by("provider", "id")), KnownContract.class, COLLECTION);
    }
}
