package org.commissioning.gateway.web.pages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The words the pages use for the platform's codes ({@code @words} in the templates): ratings as text with the
 * GOV.UK tag colour that goes with them (the word is always shown; colour is never the only sign), enumerations in
 * sentence case, money and dates as the council writes them.
 */
@Component("words")
public class Words {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** A rating as the council says it: Green, Amber, Red, Stretch, Not rated. */
    public String rag(String rag) {
        return rag == null || rag.equals("NOT_RATED") ? "Not rated" : sentence(rag);
    }

    /** The GOV.UK tag class of a rating. */
    public String ragTag(String rag) {
        if (rag == null) {
            return "govuk-tag govuk-tag--grey";
        }
        return "govuk-tag " + switch (rag) {
            case "GREEN" -> "govuk-tag--green";
            case "AMBER" -> "govuk-tag--yellow";
            case "RED" -> "govuk-tag--red";
            case "STRETCH" -> "govuk-tag--turquoise";
            default -> "govuk-tag--grey";
        };
    }

    /** The codes whose words are not just their letters. */
    private static final Map<String, String> SAID = Map.of(
            "CHILDRENS_CENTRES", "Children’s centres",
            "NEETS", "NEET support",
            "EMOTIONAL_HEALTH_AND_WELLBEING", "Emotional health and wellbeing");

    /** {@code FAMILY_SUPPORT} as "Family support", {@code BI_MONTHLY} as "Bi-monthly". */
    public String sentence(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        if (SAID.containsKey(code)) {
            return SAID.get(code);
        }
        String words = code.replace("BI_", "BI-").replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A trend's arrow, for sighted readers beside its word. */
    public String arrow(String trend) {
        if (trend == null) {
            return "";
        }
        return switch (trend) {
            case "IMPROVING" -> "↑";
            case "DECLINING" -> "↓";
            default -> "→";
        };
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "Not recorded";
        }
        NumberFormat pounds = NumberFormat.getCurrencyInstance(Locale.UK);
        pounds.setMaximumFractionDigits(0);
        return pounds.format(amount);
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String month(YearMonth month) {
        return month == null ? "" : MONTH.format(month);
    }

    /** A {@code yyyy-MM} as "April 2018". */
    public String month(String month) {
        try {
            return month == null ? "" : MONTH.format(YearMonth.parse(month));
        } catch (RuntimeException notAMonth) {
            return month;
        }
    }
}
