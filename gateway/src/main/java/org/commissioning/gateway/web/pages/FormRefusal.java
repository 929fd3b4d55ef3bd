package org.commissioning.gateway.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commissioning.gateway.application.OwnerRefused;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An owner's refusal of a form, as the page shows it: a GOV.UK error summary (each message linking to its field)
 * and the message next to each field the problem names ({@code errors[].field}, or the field of a rule). The
 * owner's field names become the form's: {@code actions[0].description} is {@code actionDescription},
 * {@code attendees[2]} is {@code attendees}. A refusal naming no field (a 409's rule and current state) is shown in
 * the summary only.
 *
 * @param form     which form was refused (its id on the page)
 * @param status   the owner's status, which the page answers with
 * @param values   what was typed, to fill the form again
 * @param errors   field -> message, in the owner's order
 * @param summary  the messages of the error summary, each with the field it links to (null for none)
 */
public record FormRefusal(String form, int status, Map<String, String> values, Map<String, String> errors,
                          List<Message> summary) {

    public record Message(String field, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A refusal of the page's own (a field left empty that the owner's path needs). */
    static FormRefusal of(String form, Map<String, String> values, String field, String message) {
        return new FormRefusal(form, 400, values, Map.of(field, message), List.of(new Message(field, message)));
    }

    /** The owner could not be reached (503) or did not answer in time (504): nothing to show next to a field. */
    static FormRefusal unavailable(String form, Map<String, String> values, ErrorResponseException unavailable) {
        String detail = unavailable.getBody().getDetail();
        return new FormRefusal(form, unavailable.getStatusCode().value(), values, Map.of(),
                List.of(new Message(null, detail == null ? "The service is not available. Try again later." : detail)));
    }

    static FormRefusal of(String form, Map<String, String> values, OwnerRefused refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Message> summary = new ArrayList<>();
        JsonNode problem = problem(refused);
        for (JsonNode error : problem.path("errors")) {
            String field = formField(error.path("field").asText(null));
            String message = error.path("message").asText(problem.path("detail").asText(""));
            String text = field == null ? message : label(field) + ": " + message;
            if (field != null && values.containsKey(field)) {
                errors.merge(field, message, (a, b) -> a + "; " + b);
                summary.add(new Message(field, text));
            } else {
                summary.add(new Message(null, text));
            }
        }
        if (summary.isEmpty()) {
            String detail = problem.path("detail").asText(problem.path("title").asText(refused.getMessage()));
            String state = problem.path("currentState").asText(null);
            summary.add(new Message(null, state == null ? detail : detail + " (current state: " + state + ")"));
        }
        return new FormRefusal(form, refused.status(), values, errors, summary);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    private static JsonNode problem(OwnerRefused refused) {
        try {
            return JSON.readTree(refused.body());
        } catch (Exception notJson) {
            return JSON.createObjectNode();
        }
    }

    /** {@code actions[0].description} -> {@code actionDescription}; {@code reasons[1]} -> {@code reasons}. */
    static String formField(String ownerField) {
        if (ownerField == null || ownerField.isBlank()) {
            return null;
        }
        String plain = ownerField.replaceAll("\\[\\d+]", "");
        int dot = plain.lastIndexOf('.');
        if (dot < 0) {
            return plain;
        }
        String parent = plain.substring(0, dot);
        String singular = parent.endsWith("s") ? parent.substring(0, parent.length() - 1) : parent;
        String child = plain.substring(dot + 1);
        return singular + Character.toUpperCase(child.charAt(0)) + child.substring(1);
    }

    /** {@code responseDeadline} -> "Response deadline". */
    private static String label(String field) {
        String words = field.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
