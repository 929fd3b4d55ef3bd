package org.commissioning.kpi.api;

import java.time.LocalDate;
import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the overdue scan for a period whose due date has passed. Handled idempotently: nothing happens for a
 * return that has arrived or was already found overdue.
 */
public record RecordReturnOverdueCommand(
        @TargetAggregateIdentifier String returnId,
        String contractId,
        YearMonth period,
        LocalDate dueDate) {
}
