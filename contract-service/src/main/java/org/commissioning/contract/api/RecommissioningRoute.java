package org.commissioning.contract.api;

/**
 * How a service continues once its contract has ended (003; 000 for the mini procurement): brought in-house,
 * turned into a service level agreement, re-procured with a new value, or re-let by a mini procurement among the
 * council's existing providers.
 */
public enum RecommissioningRoute {
    IN_HOUSE("brought in-house"),
    SERVICE_LEVEL_AGREEMENT("turned into a service level agreement"),
    RE_PROCUREMENT("re-procured"),
    MINI_PROCUREMENT("a mini procurement among existing providers");

    private final String label;

    RecommissioningRoute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
