package org.commissioning.contract.api;

import java.time.LocalDate;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * Stored event: the council is not satisfied with a period's performance and withholds its payment.
 *
 * @param supersedes        the earlier decision on the period this one replaces, or null for the first
 * @param supersedingReason why the earlier decision was replaced; null for the first decision
 */
@Revision("1")
public record PaymentWithheldEvent(
        String contractId,
        YearMonth period,
        String rationale,
        LocalDate decidedOn,
        PaymentDecision supersedes,
        String supersedingReason) implements ContractEvent {
}
