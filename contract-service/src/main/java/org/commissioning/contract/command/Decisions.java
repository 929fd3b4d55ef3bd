package org.commissioning.contract.command;

import java.time.LocalDate;
import java.time.YearMonth;

import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/** What every part of the contract aggregate decides alike: the caller's version, text as stored, rated months. */
final class Decisions {

    private Decisions() {
    }

    /**
     * Refuses a command decided on a version the caller has not seen. Axon itself refuses an expected version
     * above the current one when loading, and one below it when committing; checking here as well makes a stale
     * caller hear about it before any refusal that depends on the state it has not seen.
     */
    static void requireVersion(String contractId, Long expectedVersion) {
        Long current = AggregateLifecycle.getVersion();
        if (expectedVersion != null && current != null && !expectedVersion.equals(current)) {
            throw new ConflictingAggregateVersionException(contractId, expectedVersion, current);
        }
    }

    /** The contract's version after the command: the answer of every handler of an existing contract. */
    static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    /** Text as stored: without surrounding blanks (its presence is checked at the edge). */
    static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    /** Optional text as stored: trimmed, and null when blank. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A rating of a month that has not begun (which rag-service refuses to record) must not drive monitoring. */
    static boolean notBegun(YearMonth period, LocalDate today) {
        return period != null && period.isAfter(YearMonth.from(today));
    }
}
