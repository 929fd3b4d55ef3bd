package org.commissioning.rag.api;

import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An officer decides a period's rating against (or in confirmation of) the computed one, with a rationale. */
public record OverrideRatingCommand(@TargetAggregateIdentifier String contractId, YearMonth period, Rating rating,
                                    String rationale, String officer) {
}
