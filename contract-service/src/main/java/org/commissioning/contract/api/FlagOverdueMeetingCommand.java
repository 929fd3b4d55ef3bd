package org.commissioning.contract.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Flag the contract's monitoring meeting as overdue if it was not held by its due date (sent by the scheduled scan).
 * Idempotent: the contract flags each due date once, and ignores the command when its meeting is not overdue.
 */
public record FlagOverdueMeetingCommand(@TargetAggregateIdentifier String contractId) {
}
