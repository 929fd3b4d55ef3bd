package org.commissioning.contract.api;

import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set the monitoring cadence a contract's new overall rating calls for (from ratings' {@code RagChanged}).
 *
 * @param rating STRETCH, GREEN, AMBER or RED (NOT_RATED calls for no cadence and is refused)
 * @param period the rated period that brought the change (for the record; the cadence changes from today)
 */
public record SetMonitoringCadenceCommand(
        @TargetAggregateIdentifier String contractId,
        Rating rating,
        YearMonth period) {
}
