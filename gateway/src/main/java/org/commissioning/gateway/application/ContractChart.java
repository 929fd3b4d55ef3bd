package org.commissioning.gateway.application;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commissioning.gateway.application.ContractPage.Cell;
import org.commissioning.gateway.application.ContractPage.KpiRow;
import org.commissioning.gateway.application.ContractPage.Scorecard;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data of the contract page's charts, as the page's script reads it (JSON): the months, the overall rating of
 * each (RED 1, AMBER 2, GREEN 3, STRETCH 4), each headline KPI's values with where its bands begin, and the
 * trajectory's projection from its month to its horizon (drawn dashed). The scorecard table holds the same data.
 */
final class ContractChart {

    /** The rating scale of the chart: higher is better. */
    static final List<String> SCALE = List.of("RED", "AMBER", "GREEN", "STRETCH");

    private ContractChart() {
    }

    /** @param ratings rag-service's rating history, or null when it did not answer */
    static Map<String, Object> of(Scorecard scorecard, JsonNode ratings) {
        JsonNode trajectory = ratings == null ? null : ratings.path("trajectory");
        List<String> months = new ArrayList<>(scorecard.months());
        String from = null;
        String to = null;
        if (trajectory != null && trajectory.hasNonNull("period") && trajectory.hasNonNull("horizonMonths")) {
            from = trajectory.get("period").asText();
            to = YearMonth.parse(from).plusMonths(trajectory.get("horizonMonths").asInt()).toString();
            for (YearMonth m = YearMonth.parse(scorecard.months().isEmpty() ? from
                    : scorecard.months().get(scorecard.months().size() - 1)).plusMonths(1);
                 !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
                months.add(m.toString());
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", months);
        chart.put("scale", SCALE);
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("values", padded(scorecard.ratings().stream().map(c -> rank(c.band())).toList(), months.size()));
        if (from != null && months.contains(from)) {
            JsonNode current = ratingOf(ratings, from);
            rating.put("projection", projection(months, from, rank(current == null ? null : current.asText()), to,
                    rank(ShowContractPage.text(trajectory, "projectedRating"))));
            rating.put("projectedRating", ShowContractPage.text(trajectory, "projectedRating"));
            rating.put("trend", ShowContractPage.text(trajectory, "trend"));
        }
        chart.put("rating", rating);
        List<Map<String, Object>> kpis = new ArrayList<>();
        for (KpiRow kpi : scorecard.kpis()) {
            if (!kpi.headline()) {
                continue;
            }
            Map<String, Object> series = new LinkedHashMap<>();
            series.put("code", kpi.code());
            series.put("name", kpi.name());
            series.put("unit", kpi.unit());
            series.put("values", padded(kpi.cells().stream().map(Cell::value).toList(), months.size()));
            series.put("thresholds", kpi.thresholds());
            if (from != null && months.contains(from)) {
                for (JsonNode projected : trajectory.path("projections")) {
                    if (kpi.code().equals(projected.path("kpiCode").asText())) {
                        series.put("projection", projection(months, from,
                                ShowContractPage.decimal(projected, "fittedValue"), to,
                                ShowContractPage.decimal(projected, "projectedValue")));
                    }
                }
            }
            kpis.add(series);
        }
        chart.put("kpis", kpis);
        return chart;
    }

    private static JsonNode ratingOf(JsonNode ratings, String period) {
        for (JsonNode p : ratings.path("periods")) {
            if (period.equals(p.path("period").asText())) {
                return p.path("rating");
            }
        }
        return null;
    }

    /** Null everywhere but at {@code from} and {@code to}: Chart.js draws the line between them (spanGaps). */
    private static List<Object> projection(List<String> months, String from, Object start, String to, Object end) {
        List<Object> values = new ArrayList<>(Collections.nCopies(months.size(), null));
        values.set(months.indexOf(from), start);
        if (months.contains(to)) {
            values.set(months.indexOf(to), end);
        }
        return values;
    }

    private static List<Object> padded(List<?> values, int size) {
        List<Object> padded = new ArrayList<>(values);
        while (padded.size() < size) {
            padded.add(null);
        }
        return padded;
    }

    private static Integer rank(String rating) {
        int index = rating == null ? -1 : SCALE.indexOf(rating);
        return index < 0 ? null : index + 1;
    }

}
