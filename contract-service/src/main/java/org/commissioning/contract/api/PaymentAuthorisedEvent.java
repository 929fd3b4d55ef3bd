package org.commissioning.contract.api;

import java.time.LocalDate;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * Stored event: the council is satisfied with a period's performance and authorises its payment.
 *
 * @param supersedes        the earlier decision on the period this one replaces, or null for the first
 * @param supersedingReason why the earlier decision was replaced; null for the first decision
 */
@Revision("1")
public record PaymentAuthorisedEvent(
        String contractId,
        YearMonth period,
        String rationale,
        LocalDate decidedOn,
        PaymentDecision supersedes,
        String supersedingReason) implements ContractEvent {
}
