package org.commissioning.kpi.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A return found overdue (read model {@code overdue_returns}); {@code receivedAt} is set when it arrives after all.
 *
 * @param id {@link MonthlyReturnId}; stored as {@code _id}
 */
public record OverdueReturn(String id, String contractId, String period, LocalDate dueDate, Instant detectedAt,
                            Instant receivedAt) {
}
