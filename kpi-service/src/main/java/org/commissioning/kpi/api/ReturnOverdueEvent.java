package org.commissioning.kpi.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/** Stored event: the provider's return of a month had not arrived by its due date; published as {@code ReturnOverdue.v1}. */
@Revision("1")
public record ReturnOverdueEvent(
        String returnId,
        String contractId,
        YearMonth period,
        LocalDate dueDate,
        Instant detectedAt) {
}
