package org.commissioning.contract.api;

import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * Stored event: the overall rating of a period, as this service learnt it from ratings; the input of escalation.
 * Not published: ratings publish it themselves ({@code ContractRated}).
 *
 * @param previousRating the rating recorded for the same period before (a revised rating), or null
 */
@Revision("1")
public record ContractRatingRecordedEvent(
        String contractId,
        YearMonth period,
        Rating rating,
        Rating previousRating) implements ContractEvent {
}
