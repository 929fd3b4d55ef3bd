package org.commissioning.events.ratings.v1;

import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * An officer set a period's overall rating against (or in confirmation of) the computed one, with a rationale
 * (officer judgement). The {@code ContractRated} that follows carries basis OFFICER.
 *
 * @param computedRating what the policy computed for the period: GREEN, AMBER, RED or NOT_RATED
 * @param rating         the rating the officer decided: GREEN, AMBER or RED
 * @param previousRating the period's rating before the decision (same vocabulary as {@code computedRating})
 * @param rationale      the officer's written rationale, never blank
 * @param officer        who decided (also the event's {@code actor})
 * @param policyVersion  the policy that computed {@code computedRating}
 */
@PublishedEvent(context = Context.RATINGS, name = "RagOverridden", version = 1)
public record RagOverridden(
        String contractId,
        YearMonth period,
        String computedRating,
        String rating,
        String previousRating,
        String rationale,
        String officer,
        String policyVersion) {
}
