package org.commissioning.kpi.api;

/** Who is expected to supply a KPI's values: the provider's return, the council's own systems, or both. */
public enum ExpectedSource {
    PROVIDER, COUNCIL, BOTH;

    public boolean fromProvider() {
        return this != COUNCIL;
    }

    public boolean fromCouncil() {
        return this != PROVIDER;
    }
}
