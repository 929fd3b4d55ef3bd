package org.commissioning.rag.application;

import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.commissioning.rag.api.RatingHistory;
import org.commissioning.rag.query.ContractsKnownHere;
import org.commissioning.rag.query.DeepDiveOutcomes;
import org.commissioning.rag.query.RatingHistoryProjection;
import org.springframework.stereotype.Service;

/**
 * A contract's rating history with its evidence, as it was known at a moment (or now), and its deep dives' outcomes
 * beside it.
 */
@Service
@RequiredArgsConstructor
public class FindRatingHistory {

    /** @param asOf the moment, by the stored events' timestamps; null for now */
    public record Query(String contractId, Instant asOf) {
    }

    private final RatingHistoryProjection history;
    private final ContractsKnownHere known;
    private final DeepDiveOutcomes deepDives;

    /**
     * As {@link #find(Query)}, {@code asOf} as the request gives it: checked after the caller's permission, like every
     * {@code asOf} of the platform (400 {@code instant} when malformed, {@code as-of-in-future} when after now).
     */
    public RatingHistory find(String contractId, String asOf) {
        Access.require(Permission.READ_DETAIL);
        return find(new Query(contractId, AsOf.parse(asOf)));
    }

    /**
     * For a caller who may read contracts' detail (403 otherwise); 404 for a contract neither known nor rated, and
     * for a provider's staff also for a contract of another provider or of a provider not known here (one known only
     * from its ratings), exactly as for a contract that does not exist.
     */
    public RatingHistory find(Query query) {
        String id = query.contractId();
        Access.requireFor(Permission.READ_DETAIL, known.provider(id).orElse(null),
                () -> ContractsKnownHere.notKnown(id));
        RatingHistory found = history.history(query.contractId(), query.asOf())
                .withDeepDives(deepDives.of(query.contractId(), query.asOf()));
        if (found.periods().isEmpty()) {
            known.require(query.contractId());
        }
        return found;
    }
}
