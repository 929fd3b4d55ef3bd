package org.commissioning.gateway.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.domain.RuleViolationException;

/**
 * The instants an auditor picks on a page: an ISO-8601 instant with a zone or offset ({@code 2018-05-16T10:00:00Z},
 * as the API takes it) or the date and time a {@code datetime-local} picker sends ({@code 2018-05-16T11:00} or
 * {@code 2018-05-16T11:00:30}), read in the council's zone. Refused as every asOf is (400 {@value AsOf#MALFORMED},
 * {@value AsOf#IN_FUTURE}), naming the page's field.
 */
public record AuditInstants(ZoneId zone, Clock clock) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK);

    /** The instant {@code text} names, null for blank; the refusal names {@code field}. */
    public Instant parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        Instant instant;
        try {
            instant = Instant.parse(trimmed);
        } catch (DateTimeParseException notAnInstant) {
            try {
                instant = LocalDateTime.parse(trimmed).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                throw new RuleViolationException(AsOf.MALFORMED, field, "Enter a date and time, such as "
                        + "16/05/2018 11:00 (" + zone + " time)");
            }
        }
        Instant now = clock.instant();
        if (instant.isAfter(now)) {
            throw new RuleViolationException(AsOf.IN_FUTURE, field, "The date and time must be now or in the past; "
                    + "the record is known only up to " + shown(now) + " (" + zone + " time)");
        }
        return instant;
    }

    /** {@code instant} as a page shows it, in the council's zone: {@code 16 May 2018, 11:00:00}. */
    public String shown(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone));
    }

    /** What a {@code datetime-local} picker shows for {@code instant}: local date and time to the second. */
    public String local(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, zone).withNano(0).toString();
    }
}
