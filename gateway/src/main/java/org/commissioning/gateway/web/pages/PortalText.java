package org.commissioning.gateway.web.pages;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.portal.Ratings;
import org.commissioning.platform.web.PlatformWebProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How the portal's templates write ratings, months, dates and numbers ({@code @portal}): a rating as its word and
 * the GOV.UK tag's colour, never colour alone; times in the council's zone.
 */
@Component("portal")
@RequiredArgsConstructor
public class PortalText {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final PlatformWebProperties web;

    /** The largest file a page takes ({@code platform.web.max-upload-size}), as "2 MB". */
    public String uploadLimit() {
        return size(web.maxUploadSize().toBytes());
    }

    /** 2097152 as "2 MB", 65536 as "64 KB", 1000 as "1000 bytes". */
    public static String size(long bytes) {
        long mb = DataSize.ofMegabytes(1).toBytes();
        long kb = DataSize.ofKilobytes(1).toBytes();
        return bytes % mb == 0 ? bytes / mb + " MB" : bytes % kb == 0 ? bytes / kb + " KB" : bytes + " bytes";
    }

    public String label(String rating) {
        return Ratings.label(rating);
    }

    public String tag(String rating) {
        return Ratings.tagClass(rating);
    }

    /** "October 2018". */
    public String month(YearMonth month) {
        return month == null ? "" : month.format(MONTH);
    }

    /** "15 November 2018". */
    public String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    /** "20 Nov 2018 09:30", London time. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** 94, 94.5: as typed, never 9.45E+1. */
    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** "EMOTIONAL HEALTH AND WELLBEING" as "Emotional health and wellbeing". */
    public String words(String constant) {
        if (constant == null || constant.isBlank()) {
            return "";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
