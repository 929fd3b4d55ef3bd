package org.commissioning.events.ratings.v1;

import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract's overall rating for a period was recorded (every rated period, whether or not it changed).
 *
 * @param rating         STRETCH, GREEN, AMBER, RED, or NOT_RATED (insufficient data: a headline value is missing)
 * @param computedRating what the policy computed from the headline KPIs (same vocabulary)
 * @param basis          COMPUTED, or OFFICER where an officer set the rating against the computed one
 * @param provisional    true while a headline value it rests on is not validated
 * @param policyVersion  the version of the rating policy that computed it
 */
@PublishedEvent(context = Context.RATINGS, name = "ContractRated", version = 1)
public record ContractRated(
        String contractId,
        YearMonth period,
        String rating,
        String computedRating,
        String basis,
        boolean provisional,
        String policyVersion) {
}
