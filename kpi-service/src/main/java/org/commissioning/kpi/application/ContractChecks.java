package org.commissioning.kpi.application;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;

import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.kpi.api.ContractFacts;
import org.commissioning.kpi.api.ReturnPeriods;
import org.commissioning.kpi.query.ContractStatusView;
import org.commissioning.platform.domain.StateConflictException;
import org.springframework.stereotype.Component;

/**
 * What the use cases of a contract's figures check of the contract first: that it is known (404 otherwise), that it
 * has not ended before the month ({@code contract-not-active}) and that the month is in its term and not in the
 * future ({@link ReturnPeriods}).
 */
@Component
class ContractChecks {

    private final KnownContracts contracts;
    private final ContractStatusView statuses;
    private final Clock clock;

    ContractChecks(KnownContracts contracts, ContractStatusView statuses, Clock clock) {
        this.contracts = contracts;
        this.statuses = statuses;
        this.clock = clock;
    }

    KnownContract known(String id) {
        return contracts.require(id);
    }

    static ContractFacts facts(KnownContract contract) {
        return new ContractFacts(contract.start(), contract.end(), contract.districts());
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /**
     * Refuses figures for a month after the one the contract ended in (terminated or expired), 409
     * {@code contract-not-active} with the status as {@code currentState}; the month it ended in is still taken.
     * Reads the view of ended contracts, so it applies a moment after the event is published.
     */
    void requireActive(String id, YearMonth period) {
        statuses.find(id).filter(status -> !status.accepts(period)).ifPresent(status -> {
            throw new StateConflictException("contract-not-active", status.status(), "Contract " + id + " is "
                    + status.status().toLowerCase(Locale.ROOT) + " (service ended " + status.endedOn()
                    + "): no figures are taken for " + period + ", only for months up to "
                    + YearMonth.from(status.endedOn()));
        });
    }

    /** {@code period-in-future}, {@code period-outside-term}, as the return's own commands check them. */
    void requireInTerm(String id, KnownContract contract, YearMonth period, String what) {
        ReturnPeriods.require(period, id, facts(contract), currentMonth(), what);
    }
}
