package org.commissioning.kpi.api;

import org.commissioning.platform.domain.StateConflictException;

/** A KPI state conflict (409) that always names the rule, so each refusal of a command can be told apart. */
public class KpiConflictException extends StateConflictException {

    public KpiConflictException(String rule, String currentState, String message) {
        super(rule, currentState, message);
    }
}
