package org.commissioning.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a caller may do, named as the platform's use cases ask for it, and the roles that grant it (SECURITY.md has
 * the table). A {@code PROVIDER}'s permissions hold for its own provider's contracts only ({@link Access#requireFor}).
 */
public enum Permission {

    /** Register and run contracts: lifecycle, officers, plans, warnings, meetings, payments, frameworks, council
     * figures, discrepancy resolution, rating overrides, stated trajectories, deep dives. */
    MANAGE_CONTRACTS(Role.COMMISSIONING_OFFICER),
    /** Submit and correct a contract's monthly returns (JSON or CSV). */
    SUBMIT_RETURNS(Role.COMMISSIONING_OFFICER, Role.PROVIDER),
    /** A contract's summary as lists and the dashboard show it: provider, area, status, rating, cadence. */
    READ_SUMMARIES(Role.COMMISSIONING_OFFICER, Role.PROVIDER, Role.AUDITOR, Role.VIEWER),
    /** A contract's detail: its history, KPI framework, returns, year to date, ratings with their evidence. */
    READ_DETAIL(Role.COMMISSIONING_OFFICER, Role.PROVIDER, Role.AUDITOR),
    /** Checks of the record against its source: re-derivation of every rating, exports. */
    AUDIT(Role.COMMISSIONING_OFFICER, Role.AUDITOR),
    /** Running the platform: parked events, replays, metrics beyond health. */
    OPERATE(Role.OPERATOR);

    private final Set<Role> roles;

    Permission(Role first, Role... more) {
        this.roles = Set.copyOf(EnumSet.of(first, more));
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean grantedTo(Caller caller) {
        return roles.stream().anyMatch(caller::hasRole);
    }
}
