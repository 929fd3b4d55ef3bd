package org.commissioning.contract.api;

/** Who ended a contract early: the provider (000: West Kent YMCA), the council, or both by agreement. */
public enum TerminationInitiator {
    PROVIDER("the provider"),
    COUNCIL("the council"),
    AGREEMENT("agreement");

    private final String label;

    TerminationInitiator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
