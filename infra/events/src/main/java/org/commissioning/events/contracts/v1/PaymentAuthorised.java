package org.commissioning.events.contracts.v1;

import java.time.LocalDate;
import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * The council is satisfied with a period's performance: the funder may release that period's payment.
 * A period has one decision at a time; a later one names the decision it supersedes and why.
 *
 * @param period            the month, {@code 2019-03}
 * @param supersedes        AUTHORISED or WITHHELD: the earlier decision on the period this one replaces; null if first
 * @param supersedingReason why the earlier decision was replaced; null if first
 */
@PublishedEvent(context = Context.CONTRACTS, name = "PaymentAuthorised", version = 1)
public record PaymentAuthorised(
        String contractId,
        YearMonth period,
        String rationale,
        LocalDate decidedOn,
        String supersedes,
        String supersedingReason) {
}
