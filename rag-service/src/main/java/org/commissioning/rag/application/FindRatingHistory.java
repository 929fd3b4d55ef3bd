package org.commissioning.rag.application;

import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.commissioning.rag.api.RatingHistory;
import org.commissioning.rag.query.ContractsKnownHere;
import org.commissioning.rag.query.RatingHistoryProjection;
import org.springframework.stereotype.Service;

/** A contract's rating history with its evidence, as it was known at a moment (or now). */
@Service
@RequiredArgsConstructor
public class FindRatingHistory {

    /** @param asOf the moment, by the stored events' timestamps; null for now */
    public record Query(String contractId, Instant asOf) {
    }

    private final RatingHistoryProjection history;
    private final ContractsKnownHere known;

    /** 404 for a contract neither known nor rated. */
    public RatingHistory find(Query query) {
        RatingHistory found = history.history(query.contractId(), query.asOf());
        if (found.periods().isEmpty()) {
            known.require(query.contractId());
        }
        return found;
    }
}
