package org.commissioning.gateway.application.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The return form of a month, generated from the framework in force: one field per KPI the provider reports, with
 * the values as typed and, after a refusal, the messages (in the error summary and next to their fields) and the
 * CSV upload's report per line.
 *
 * @param typed     by KPI code, as typed
 * @param errors    in the order the summary lists them
 * @param csvErrors the refused CSV upload's bad lines, empty otherwise
 */
public record ReturnForm(ReturnFramework framework, Map<String, String> typed, String narrative,
                         List<FieldError> errors, List<CsvLine> csvErrors) {

    /** The form's id for the narrative, and for the CSV file input. */
    public static final String NARRATIVE = "narrative";
    public static final String CSV_FILE = "csv-file";

    public ReturnForm {
        typed = Map.copyOf(typed);
        errors = List.copyOf(errors);
        csvErrors = List.copyOf(csvErrors);
    }

    static ReturnForm empty(ReturnFramework framework) {
        return new ReturnForm(framework, Map.of(), null, List.of(), List.of());
    }

    /**
     * A message; {@code fieldId} the form field it is about (its summary entry links there), null for the whole
     * return.
     */
    public record FieldError(String fieldId, String message) {
    }

    /** A bad line of a CSV upload, as kpi-service reports it ({@code csv-invalid}). */
    public record CsvLine(Integer line, String column, String rule, String message) {
    }

    public String value(String code) {
        return typed.getOrDefault(code, "");
    }

    /** The message next to a field, if it has one (the first, where kpi-service named it more than once). */
    public Optional<String> error(String fieldId) {
        return errors.stream().filter(e -> fieldId.equals(e.fieldId())).map(FieldError::message).findFirst();
    }

    /** The band of the value typed in the field, as shown after a refusal (and by the script as it is typed). */
    public Optional<String> band(KpiField field) {
        return field.band(typed.get(field.code()));
    }
}
