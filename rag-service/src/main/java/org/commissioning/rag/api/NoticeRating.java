package org.commissioning.rag.api;

/**
 * A rating of a Procurement Act 2023 contract performance notice (s.71), from the best to the worst; OTHER where
 * performance cannot be rated on those terms (no value for the year).
 */
public enum NoticeRating {
    GOOD(3), APPROACHING_TARGET(2), REQUIRES_IMPROVEMENT(1), INADEQUATE(0), OTHER(-1);

    private final int rank;

    NoticeRating(int rank) {
        this.rank = rank;
    }

    /** Whether this rating is worse than {@code other} (OTHER is no rating, so neither worse nor better). */
    public boolean worseThan(NoticeRating other) {
        return this != OTHER && other != OTHER && rank < other.rank;
    }
}
