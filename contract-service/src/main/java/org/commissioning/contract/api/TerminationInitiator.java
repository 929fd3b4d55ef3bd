package org.commissioning.contract.api;

/** Who ended a contract early: the provider (000: West Kent YMCA), the council, or both by agreement. */
public enum TerminationInitiator {
    PROVIDER,
    COUNCIL,
    AGREEMENT;

    /** The words for it ({@link Vocabulary#label}). */
    public String label() {
        return Vocabulary.label(this);
    }
}
