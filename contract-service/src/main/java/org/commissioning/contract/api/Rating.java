package org.commissioning.contract.api;

import java.util.Optional;

/**
 * A contract's overall rating of a period, in the vocabulary of {@code ratings.events.v1} ({@code ContractRated},
 * {@code RagChanged}). Stored events and summaries hold its name.
 */
public enum Rating {
    STRETCH,
    GREEN,
    AMBER,
    RED,
    /** Insufficient data (a headline value is missing): a rating of the period, but no RAG and no cadence. */
    NOT_RATED;

    /** The rating a published value names, ignoring case and surrounding blanks; empty outside the vocabulary. */
    public static Optional<Rating> parse(String value) {
        return Vocabulary.parse(Rating.class, value);
    }
}
