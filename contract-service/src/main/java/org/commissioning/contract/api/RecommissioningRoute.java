package org.commissioning.contract.api;

/**
 * How a service continues once its contract has ended (003; 000 for the mini procurement): brought in-house,
 * turned into a service level agreement, re-procured with a new value, or re-let by a mini procurement among the
 * council's existing providers.
 */
public enum RecommissioningRoute {
    IN_HOUSE,
    SERVICE_LEVEL_AGREEMENT,
    RE_PROCUREMENT,
    MINI_PROCUREMENT;

    /** The words for it ({@link Vocabulary#label}). */
    public String label() {
        return Vocabulary.label(this);
    }
}
