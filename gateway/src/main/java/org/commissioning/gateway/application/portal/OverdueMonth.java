package org.commissioning.gateway.application.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A return kpi-service found overdue; {@code receivedAt} once it arrived after all (null while outstanding). */
public record OverdueMonth(YearMonth period, LocalDate dueDate, Instant receivedAt) {

    public boolean outstanding() {
        return receivedAt == null;
    }
}
