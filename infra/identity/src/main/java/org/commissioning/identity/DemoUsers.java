package org.commissioning.identity;

/** The demo users of {@code identity.yml}, one per role, as tests and the launcher name them. */
public final class DemoUsers {

    public static final String OFFICER = "officer.jones";
    public static final String NELFT = "provider.nelft";
    public static final String SK8SIDE = "provider.sk8side";
    public static final String AUDITOR = "auditor.khan";
    public static final String VIEWER = "viewer.patel";
    public static final String OPERATOR = "operator.lee";
    public static final String DEMO_LOADER = "demo-loader";

    private DemoUsers() {
    }
}
