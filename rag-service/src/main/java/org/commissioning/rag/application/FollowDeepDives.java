package org.commissioning.rag.application;

import java.time.Instant;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.commissioning.rag.api.DeepDiveOutcome;
import org.commissioning.rag.query.DeepDiveOutcomes;
import org.springframework.stereotype.Service;

/**
 * Records the outcomes of the contracts' deep dives ({@code DeepDiveCompleted}, {@code DeepDiveCancelled}) beside
 * their ratings. Nothing here reaches a {@code ContractRating}: a deep dive never changes a computed rating.
 */
@Service
@RequiredArgsConstructor
public class FollowDeepDives {

    /** Where and when deepdive-service recorded an outcome, and who did. */
    public record Recorded(String contractId, int programmeYear, Instant at, String actor) {

        String key() {
            return DeepDiveOutcome.key(contractId, programmeYear);
        }
    }

    private final DeepDiveOutcomes outcomes;

    public void completed(Recorded recorded, LocalDate completedOn, String overallGrade, boolean historic,
                          String sourceReference, boolean variationRecommended) {
        outcomes.save(new DeepDiveOutcome(recorded.key(), recorded.contractId(), recorded.programmeYear(),
                DeepDiveOutcome.COMPLETE, completedOn, overallGrade, historic, sourceReference, variationRecommended,
                null, recorded.at(), recorded.actor()));
    }

    public void cancelled(Recorded recorded, String reason) {
        outcomes.save(new DeepDiveOutcome(recorded.key(), recorded.contractId(), recorded.programmeYear(),
                DeepDiveOutcome.CANCELLED, null, null, false, null, false, reason, recorded.at(), recorded.actor()));
    }
}
