package org.commissioning.contract.command;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PaymentWithheldEvent;
import org.commissioning.contract.api.WithholdPaymentCommand;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;

/**
 * The council's decisions on the contract's monthly payments (004, 3.1). A period has one decision; a later one
 * replaces it only when it says why ({@code supersedingReason}) and decides differently. Payments can be decided in
 * any status, for a month that has begun and that the contract ran in ({@code payable}: its term, up to a
 * termination's effective date).
 */
class Payments {

    private final Map<YearMonth, PaymentDecision> decisions = new HashMap<>();

    PaymentAuthorisedEvent authorise(AuthorisePaymentCommand command, Term payable, LocalDate today) {
        Decision d = decide(PaymentDecision.AUTHORISED, command.period(), command.supersedingReason(), payable, today);
        return new PaymentAuthorisedEvent(command.contractId(), command.period(), Decisions.trimmed(command.rationale()),
                today, d.supersedes(), d.supersedingReason());
    }

    PaymentWithheldEvent withhold(WithholdPaymentCommand command, Term payable, LocalDate today) {
        Decision d = decide(PaymentDecision.WITHHELD, command.period(), command.supersedingReason(), payable, today);
        return new PaymentWithheldEvent(command.contractId(), command.period(), Decisions.trimmed(command.rationale()),
                today, d.supersedes(), d.supersedingReason());
    }

    private Decision decide(PaymentDecision decision, YearMonth period, String supersedingText, Term payable,
                            LocalDate today) {
        PaymentDecision previous = decisions.get(period);
        String supersedingReason = Decisions.optional(supersedingText);
        if (previous != null && supersedingReason == null) {
            throw new StateConflictException("payment-already-decided", previous.name(), "The payment of " + period
                    + " is " + previous.name().toLowerCase() + " already; a new decision must give a superseding reason");
        }
        if (previous == decision) {
            throw new StateConflictException("payment-decision-unchanged", previous.name(),
                    "The payment of " + period + " is " + previous.name().toLowerCase() + " already");
        }
        if (period.isAfter(YearMonth.from(today))) {
            throw new RuleViolationException("period-not-in-future", "period",
                    "The payment of " + period + " cannot be decided before the period begins (today is " + today + ")");
        }
        if (!payable.containsMonth(period)) {
            throw new RuleViolationException("period-within-term", "period",
                    "The period " + period + " is outside the contract's term " + payable);
        }
        if (previous == null && supersedingReason != null) {
            throw new RuleViolationException("nothing-to-supersede", "supersedingReason",
                    "The payment of " + period + " has no earlier decision to supersede");
        }
        return new Decision(previous, supersedingReason);
    }

    private record Decision(PaymentDecision supersedes, String supersedingReason) {
    }

    @EventSourcingHandler
    void on(PaymentAuthorisedEvent event) {
        decisions.put(event.period(), PaymentDecision.AUTHORISED);
    }

    @EventSourcingHandler
    void on(PaymentWithheldEvent event) {
        decisions.put(event.period(), PaymentDecision.WITHHELD);
    }
}
