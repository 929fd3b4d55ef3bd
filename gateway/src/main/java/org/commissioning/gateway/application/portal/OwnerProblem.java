package org.commissioning.gateway.application.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.commissioning.gateway.application.OwnerRefused;
import org.commissioning.gateway.application.portal.ReturnForm.CsvLine;
import org.commissioning.gateway.application.portal.ReturnForm.FieldError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * kpi-service's refusal of a return as the form shows it: each {@code errors[].field} next to the form field it
 * names, the {@code detail} of a refusal naming no field ({@code return-already-submitted}, say) in the summary,
 * and a {@code csv-invalid} report's lines.
 */
final class OwnerProblem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final JsonNode problem;

    private OwnerProblem(int status, JsonNode problem) {
        this.status = status;
        this.problem = problem;
    }

    /** The refusal, if it is one a form shows (400, 409 or 422 with a problem); otherwise the refusal is rethrown. */
    static OwnerProblem of(OwnerRefused refused) {
        if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
            throw refused;
        }
        try {
            return new OwnerProblem(refused.status(), JSON.readTree(refused.body()));
        } catch (IOException notJson) {
            throw refused;
        }
    }

    int status() {
        return status;
    }

    boolean csvInvalid() {
        return "csv-invalid".equals(problem.path("rule").asText());
    }

    /**
     * The messages: each of {@code errors[]} with the form field {@code fieldOf} maps its {@code field} to (null for
     * none) or, where none names a field of the form, the problem's detail alone.
     */
    List<FieldError> errors(Function<String, String> fieldOf) {
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            if (!error.hasNonNull("line")) {
                errors.add(new FieldError(fieldOf.apply(error.path("field").asText("")),
                        error.path("message").asText("")));
            }
        }
        if (errors.stream().allMatch(e -> e.fieldId() == null)) {
            errors.clear();
            errors.add(new FieldError(null, summary()));
        }
        return errors;
    }

    /** A {@code csv-invalid} report's bad lines. */
    List<CsvLine> lines() {
        List<CsvLine> lines = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            if (error.hasNonNull("line")) {
                lines.add(new CsvLine(error.get("line").asInt(), error.path("column").asText(null),
                        error.path("rule").asText(null), error.path("message").asText("")));
            }
        }
        return lines;
    }

    /** The problem's detail, or its title, or its status. */
    String summary() {
        String detail = problem.path("detail").asText("");
        if (!detail.isBlank()) {
            return detail;
        }
        String title = problem.path("title").asText("");
        return title.isBlank() ? "The return was refused (" + status + ")" : title;
    }
}
