package org.commissioning.gateway.application;

import lombok.RequiredArgsConstructor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commissioning.gateway.application.OwnerApi.Owner;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * An officer's actions on the contract page, each sent to the service that owns it as the officer: the owner
 * validates and decides, and refuses with a problem ({@link OwnerRefused}) that the page shows next to its fields.
 * The gateway checks only that the caller may manage contracts (403 otherwise) and that the contract id is one.
 */
@Service
@RequiredArgsConstructor
public class ActOnContract {

    private final OwnerApi owners;


    /** rag-service: the officer's rating of a month, with the rationale. */
    public void overrideRating(String contractId, String period, String rating, String rationale) {
        String id = allowed(contractId);
        owners.post(Owner.RAG, "/api/ratings/contracts/{id}/periods/{period}/override",
                body("rating", rating, "rationale", rationale), id, period);
    }

    /** contract-service: a monitoring meeting held, its attendees (one a line) and notes. */
    public void recordMeeting(String contractId, String heldOn, String attendees, String notes) {
        String id = allowed(contractId);
        owners.post(Owner.CONTRACT, "/api/contracts/{id}/meetings",
                body("heldOn", heldOn, "attendees", lines(attendees), "notes", notes), id);
    }

    /** contract-service: an improvement or action plan with its first action. */
    public void startPlan(String contractId, String kind, String reason, String actionDescription,
                          String actionOwner, String actionDueDate) {
        String id = allowed(contractId);
        List<Map<String, Object>> actions = new ArrayList<>();
        if (present(actionDescription) || present(actionOwner) || present(actionDueDate)) {
            actions.add(body("description", actionDescription, "owner", actionOwner, "dueDate", actionDueDate));
        }
        owners.post(Owner.CONTRACT, "/api/contracts/{id}/plans",
                body("kind", kind, "reason", reason, "actions", actions), id);
    }

    /** contract-service: a formal warning, its reasons (one a line) and the provider's response deadline. */
    public void issueWarning(String contractId, String reasons, String responseDeadline) {
        String id = allowed(contractId);
        owners.post(Owner.CONTRACT, "/api/contracts/{id}/warnings",
                body("reasons", lines(reasons), "responseDeadline", responseDeadline), id);
    }

    /** contract-service: a month's payment authorised or withheld ({@code decision} WITHHELD), with the rationale. */
    public void decidePayment(String contractId, String period, String decision, String rationale,
                              String supersedingReason) {
        String id = allowed(contractId);
        String path = "WITHHELD".equals(decision) ? "/api/contracts/{id}/payments/{period}/withholding"
                : "/api/contracts/{id}/payments/{period}/authorisation";
        owners.post(Owner.CONTRACT, path, body("rationale", rationale, "supersedingReason",
                present(supersedingReason) ? supersedingReason : null), id, period);
    }

    private static String allowed(String contractId) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return ShowContractPage.contractIdOrNotFound(contractId);
    }

    /** A JSON body of these names and values; a blank text is left out, so the owner names it as missing. */
    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (!(value instanceof String text) || present(text)) {
                body.put((String) namesAndValues[i], value);
            }
        }
        return body;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
