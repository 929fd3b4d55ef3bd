package org.commissioning.contract.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ExtendContractCommand;
import org.commissioning.contract.api.RegisterContractCommand;
import org.commissioning.contract.api.TerminateContractCommand;
import org.commissioning.contract.api.VaryContractCommand;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;

/**
 * What a contract was let for: its annual value, its term, its extension option and, once terminated, the date it
 * ended early. Decides registrations, variations, extensions and expiry against them; the contract's state (active
 * or not) is checked by the contract before.
 */
record ContractTerms(BigDecimal annualValueGbp, Term term, ExtensionOption extension, LocalDate terminationEffective) {

    /** A registration's lot, value, term and extension option, as stored. */
    static ContractRegisteredEvent register(RegisterContractCommand command) {
        LotRules.requireValid(command.lot());
        requireNotNegative(command.annualValueGbp(), "annualValueGbp");
        new Term(command.start(), command.end()).requireEndAfterStart();
        ExtensionOption extension = ExtensionOption.offered(command.extensionMonths());
        return new ContractRegisteredEvent(command.contractId(), Decisions.trimmed(command.provider()),
                command.serviceArea(), command.lot(), command.annualValueGbp(), command.start(), command.end(),
                extension.months());
    }

    static ContractTerms registered(ContractRegisteredEvent event) {
        return new ContractTerms(event.annualValueGbp(), new Term(event.start(), event.end()),
                new ExtensionOption(event.extensionMonths() == null ? 0 : event.extensionMonths(), null), null);
    }

    /** A new annual value and/or end date from a date within the term; refused when it changes nothing. */
    ContractVariedEvent vary(VaryContractCommand command) {
        if (command.annualValueGbp() == null && command.end() == null) {
            throw new RuleViolationException("nothing-to-vary", null,
                    "A variation changes the annual value, the end date or both");
        }
        requireNotNegative(command.annualValueGbp(), "annualValueGbp");
        LocalDate effective = command.effectiveDate();
        term.requireWithin(effective, "effectiveDate", "The variation's effective date");
        if (command.end() != null) {
            term.withEnd(command.end()).requireEndAfterStart();
        }
        if (command.end() != null && command.end().isBefore(effective)) {
            throw new RuleViolationException("end-not-before-effective-date", "end",
                    "The new end date " + command.end() + " is before the variation takes effect on " + effective);
        }
        BigDecimal newValue = command.annualValueGbp() == null ? annualValueGbp : command.annualValueGbp();
        LocalDate newEnd = command.end() == null ? term.end() : command.end();
        if (sameAmount(newValue, annualValueGbp) && Objects.equals(newEnd, term.end())) {
            throw new RuleViolationException("nothing-to-vary", null,
                    "The contract already has annual value " + annualValueGbp + " and end date " + term.end());
        }
        return new ContractVariedEvent(command.contractId(), newValue, newEnd, annualValueGbp, term.end(), effective,
                Decisions.trimmed(command.reason()));
    }

    ContractExtendedEvent extend(ExtendContractCommand command, String state, LocalDate today) {
        LocalDate newEnd = extension.extend(command.contractId(), state, term.end(), command.end(), today);
        return new ContractExtendedEvent(command.contractId(), newEnd, term.end(),
                Decisions.optional(command.reason()));
    }

    /** An early end, effective within the term. */
    ContractTerminatedEvent terminate(TerminateContractCommand command) {
        term.requireWithin(command.effectiveDate(), "effectiveDate", "The termination's effective date");
        return new ContractTerminatedEvent(command.contractId(), command.initiatedBy(), command.effectiveDate(),
                Decisions.trimmed(command.reason()));
    }

    /** Expiry at the end date: refused without one, or before it. */
    ContractExpiredEvent expire(String contractId, String state, LocalDate today) {
        if (term.end() == null) {
            throw new StateConflictException("end-date-required", state,
                    "Contract " + contractId + " has no end date recorded, so it cannot expire");
        }
        if (today.isBefore(term.end())) {
            throw new StateConflictException("expiry-not-before-end", state, "Contract " + contractId
                    + " runs until " + term.end() + "; it cannot expire before then (today is " + today + ")");
        }
        return new ContractExpiredEvent(contractId, term.end());
    }

    /** The months a payment can be decided for: the term, up to a termination's effective date. */
    Term payable() {
        return terminationEffective == null ? term : term.withEnd(terminationEffective);
    }

    ContractTerms varied(ContractVariedEvent event) {
        return new ContractTerms(event.annualValueGbp(), term.withEnd(event.end()), extension, terminationEffective);
    }

    ContractTerms extended(ContractExtendedEvent event) {
        return new ContractTerms(annualValueGbp, term.withEnd(event.end()), extension.usedTo(event.end()),
                terminationEffective);
    }

    ContractTerms terminatedOn(LocalDate effectiveDate) {
        return new ContractTerms(annualValueGbp, term, extension, effectiveDate);
    }

    static void requireNotNegative(BigDecimal amount, String field) {
        if (amount != null && amount.signum() < 0) {
            throw new RuleViolationException("value-not-negative", field,
                    "The annual value cannot be negative: " + amount);
        }
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
