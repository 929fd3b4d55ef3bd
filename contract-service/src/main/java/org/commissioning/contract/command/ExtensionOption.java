package org.commissioning.contract.command;

import java.time.LocalDate;

import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;

/**
 * The contract's option to extend its end date by up to {@code months} (0: none), usable once, before the end date.
 *
 * @param usedTo the end date the extension moved the contract to; null while unused
 */
record ExtensionOption(int months, LocalDate usedTo) {

    static final int MAX_MONTHS = 60;

    /** The option a contract is registered with: 0 to {@value #MAX_MONTHS} months (null for none). */
    static ExtensionOption offered(Integer months) {
        int offered = months == null ? 0 : months;
        if (offered < 0 || offered > MAX_MONTHS) {
            throw new RuleViolationException("extension-months-range", "extensionMonths",
                    "An extension is 0 to " + MAX_MONTHS + " months, not " + offered);
        }
        return new ExtensionOption(offered, null);
    }

    ExtensionOption usedTo(LocalDate newEnd) {
        return new ExtensionOption(months, newEnd);
    }

    /**
     * The end date an extension moves the contract to: {@code requested}, or as far as the option allows when null.
     * Refused once used, without an option or a recorded end date, on or after the end date, and beyond the option.
     */
    LocalDate extend(String contractId, String state, LocalDate end, LocalDate requested, LocalDate today) {
        if (usedTo != null) {
            throw new StateConflictException("extension-once", "EXTENDED",
                    "Contract " + contractId + " has used its extension already (to " + usedTo + ")");
        }
        if (months == 0) {
            throw new StateConflictException("extension-option-required", state,
                    "Contract " + contractId + " has no extension option");
        }
        if (end == null) {
            throw new StateConflictException("end-date-required", state,
                    "Contract " + contractId + " has no end date recorded; vary its term instead");
        }
        if (!today.isBefore(end)) {
            throw new StateConflictException("extension-before-end", state, "Contract " + contractId
                    + " ends on " + end + "; it can be extended only before its end date (today is " + today + ")");
        }
        LocalDate latest = end.plusMonths(months);
        LocalDate newEnd = requested == null ? latest : requested;
        if (!newEnd.isAfter(end)) {
            throw new RuleViolationException("extension-after-end", "end",
                    "An extension must end after the current end date " + end + ", not on " + newEnd);
        }
        if (newEnd.isAfter(latest)) {
            throw new StateConflictException("extension-within-option", state, "An extension of " + months
                    + " months allows an end date up to " + latest + ", not " + newEnd);
        }
        return newEnd;
    }
}
