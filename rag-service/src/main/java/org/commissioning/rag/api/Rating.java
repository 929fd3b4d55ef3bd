package org.commissioning.rag.api;

/**
 * A rating. KPI values are rated STRETCH, GREEN, AMBER or RED (their band); a contract's period is rated GREEN, AMBER,
 * RED or NOT_RATED (insufficient data: a headline value is missing), never STRETCH.
 */
public enum Rating {
    RED(0), AMBER(1), GREEN(2), STRETCH(3), NOT_RATED(-1);

    private final int rank;

    Rating(int rank) {
        this.rank = rank;
    }

    /** Whether this band is worse than {@code other} (RED is the worst; NOT_RATED is not a band). */
    public boolean worseThan(Rating other) {
        return rank < other.rank;
    }

    /** What a band counts as in a contract's rating: STRETCH counts as GREEN. */
    public Rating asContractRating() {
        return this == STRETCH ? GREEN : this;
    }

    /** The ratings an officer may decide for a period. */
    public boolean decidable() {
        return this == GREEN || this == AMBER || this == RED;
    }
}
