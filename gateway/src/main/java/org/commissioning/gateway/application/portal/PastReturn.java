package org.commissioning.gateway.application.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A month's return as kpi-service shows it: each value as it stands with its band and source, the council's own
 * figure, and every correction with its reason.
 *
 * @param submittedAt null while only the council's figures are recorded
 */
public record PastReturn(YearMonth period, int frameworkVersion, String narrative, String submittedBy,
                         Instant submittedAt, LocalDate dueOn, boolean late, List<Value> values) {

    public PastReturn {
        values = List.copyOf(values);
    }

    /** Whether the provider's return has arrived (not only the council's figures). */
    public boolean submitted() {
        return submittedAt != null;
    }

    public int corrections() {
        return values.stream().mapToInt(v -> v.corrections().size()).sum();
    }

    /**
     * @param name       the KPI's name in the framework, or its code where the framework is not at hand
     * @param district   null for the contract's total
     * @param value      the provider's value as it stands, null where only the council has a figure
     * @param fraction   "2 of 3" where the value was given as a fraction
     * @param council    the council's own figure, or null
     * @param validation SINGLE_SOURCE, VALIDATED, NOT_VALIDATED or RESOLVED
     */
    public record Value(String kpiCode, String name, String district, String unit, BigDecimal value, String fraction,
                        String band, BigDecimal original, BigDecimal council, String councilBand, String validation,
                        List<Correction> corrections) {

        public Value {
            corrections = List.copyOf(corrections);
        }

        public String source() {
            return value != null && council != null ? "Provider and council" : value != null ? "Provider" : "Council";
        }

        public String validationText() {
            return switch (validation == null ? "" : validation) {
                case "VALIDATED" -> "Agrees with the council's figure";
                case "NOT_VALIDATED" -> "Not validated: differs from the council's figure";
                case "RESOLVED" -> "Difference resolved by an officer";
                default -> "Single source";
            };
        }
    }

    public record Correction(BigDecimal from, BigDecimal to, String reason, String correctedBy, Instant correctedAt) {
    }

    /** Read from kpi-service's answer; {@code names} by KPI code. */
    static PastReturn of(JsonNode view, Map<String, String> names) {
        List<Value> values = new ArrayList<>();
        for (JsonNode v : view.path("values")) {
            List<Correction> corrections = new ArrayList<>();
            v.path("corrections").forEach(c -> corrections.add(new Correction(
                    PortalOwners.decimal(c.path("from"), "value"), PortalOwners.decimal(c.path("to"), "value"),
                    PortalOwners.text(c, "reason"), PortalOwners.text(c, "correctedBy"), instant(c, "correctedAt"))));
            String code = PortalOwners.text(v, "kpiCode");
            JsonNode council = v.path("council");
            values.add(new Value(code, names.getOrDefault(code, code), PortalOwners.text(v, "district"),
                    PortalOwners.text(v, "unit"), PortalOwners.decimal(v, "value"), fraction(v),
                    PortalOwners.text(v, "band"), PortalOwners.decimal(v.path("original"), "value"),
                    PortalOwners.decimal(council, "value"), PortalOwners.text(council, "band"),
                    PortalOwners.text(v, "validation"), corrections));
        }
        String period = PortalOwners.text(view, "period");
        return new PastReturn(period == null ? null : YearMonth.parse(period), view.path("frameworkVersion").asInt(),
                PortalOwners.text(view, "narrative"), PortalOwners.text(view, "submittedBy"),
                instant(view, "submittedAt"), PortalOwners.date(view, "dueOn"), view.path("late").asBoolean(), values);
    }

    private static String fraction(JsonNode value) {
        return value.hasNonNull("numerator") && value.hasNonNull("denominator")
                ? value.get("numerator").asText() + " of " + value.get("denominator").asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
    }
}
