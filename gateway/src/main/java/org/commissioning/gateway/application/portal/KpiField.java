package org.commissioning.gateway.application.portal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.commissioning.events.kpi.v1.BandRating;

/**
 * One field of the return form: a KPI of the framework in force that the provider reports, with what the field
 * takes (its unit's range and decimals, as kpi-service checks them) and its bands.
 *
 * @param unit      PERCENT, COUNT, DAYS or MONEY
 * @param direction HIGHER_IS_BETTER or LOWER_IS_BETTER
 * @param bands     from the lowest values to the highest
 */
public record KpiField(String code, String name, String unit, String direction, boolean headline,
                       List<BandBounds> bands) {

    public KpiField {
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    /** The form field's id and name. */
    public String fieldId() {
        return "kpi-" + code;
    }

    /** The unit as the label names it. */
    public String unitLabel() {
        return switch (unit) {
            case "PERCENT" -> "%";
            case "DAYS" -> "days";
            case "MONEY" -> "£";
            default -> "number";
        };
    }

    /** What the field takes, the direction and the bands: the hint under the label. */
    public String hint() {
        String range = switch (unit) {
            case "PERCENT" -> "A percentage from 0 to 100, up to 2 decimals.";
            case "DAYS" -> "A whole number of days from 0.";
            case "MONEY" -> "An amount in pounds from 0, up to 2 decimals (pence).";
            default -> "A whole number from 0.";
        };
        String better = "LOWER_IS_BETTER".equals(direction) ? " Lower is better." : " Higher is better.";
        String bandText = bands.isEmpty() ? ""
                : " " + bands.stream().map(BandBounds::describe).collect(Collectors.joining("; ")) + ".";
        return range + better + bandText;
    }

    /** The input's {@code max}; null where the unit has no upper end. */
    public String max() {
        return "PERCENT".equals(unit) ? "100" : null;
    }

    /** The input's {@code step}: whole numbers for COUNT and DAYS, pence and hundredths otherwise. */
    public String step() {
        return "COUNT".equals(unit) || "DAYS".equals(unit) ? "1" : "0.01";
    }

    /** Whether the field takes decimals (the input mode a phone's keyboard offers). */
    public String inputMode() {
        return "1".equals(step()) ? "numeric" : "decimal";
    }

    /**
     * The bands as the return form's script reads them ({@code data-bands}): rating, each bound (null for open) and
     * whether it is inclusive, lowest first, with the word and tag class to show.
     */
    public String bandsJson() {
        return bands.stream().map(b -> "{\"rating\":\"" + b.rating() + "\",\"lower\":" + bound(b.lower())
                        + ",\"lowerInclusive\":" + b.lowerInclusive() + ",\"upper\":" + bound(b.upper())
                        + ",\"upperInclusive\":" + b.upperInclusive() + ",\"label\":\"" + Ratings.label(b.rating())
                        + "\",\"tag\":\"" + Ratings.tagClass(b.rating()) + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String bound(BigDecimal bound) {
        return bound == null ? "null" : BandBounds.plain(bound);
    }

    /** The band that rates {@code typed}, if it is a number within the unit's range the bands rate. */
    public Optional<String> band(String typed) {
        BigDecimal value = number(typed);
        if (value == null || value.signum() < 0 || (max() != null && value.compareTo(new BigDecimal(max())) > 0)) {
            return Optional.empty();
        }
        List<BandBounds> matching = bands.stream().filter(b -> BandRating.contains(b, value)).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0).rating()) : Optional.empty();
    }

    /** The text as a number, or null where it is not one. */
    static BigDecimal number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
