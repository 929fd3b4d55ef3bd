package org.commissioning.rag.api;

/** Where a contract's rating is heading: its projected rating compared with its current one. */
public enum Trend {
    IMPROVING, STABLE, DECLINING;

    public static Trend of(Rating current, Rating projected) {
        if (projected.worseThan(current)) {
            return DECLINING;
        }
        return current.worseThan(projected) ? IMPROVING : STABLE;
    }
}
