package org.commissioning.deepdive.command;

import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_ACTIONS;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_ITEM;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_ITEMS;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_NAME;

import java.util.List;

import org.commissioning.deepdive.api.DeepDiveAction;
import org.commissioning.platform.domain.RuleViolationException;

/**
 * The limits of what an officer records ({@code text-limit}, {@code list-limit}) and what an action needs
 * ({@code action-owner-and-due-date}): each refusal names the field at fault.
 */
final class EvaluationRules {

    private EvaluationRules() {
    }

    /** @throws RuleViolationException {@code text-limit} for a text over {@code max} characters */
    static String text(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new RuleViolationException("text-limit", field, field + " has " + value.length()
                    + " characters; at most " + max + " are kept");
        }
        return value == null ? null : value.strip();
    }

    /** @throws RuleViolationException {@code text-required} for a missing or blank text */
    static String required(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException("text-required", field, field + " is required");
        }
        return text(value, max, field);
    }

    /** Strengths or areas for improvement: at most {@code MAX_ITEMS} non-blank items of {@code MAX_ITEM}. */
    static List<String> items(List<String> items, String field) {
        List<String> given = items == null ? List.of() : items;
        size(given, MAX_ITEMS, field);
        for (int i = 0; i < given.size(); i++) {
            required(given.get(i), MAX_ITEM, field + "[" + i + "]");
        }
        return given.stream().map(String::strip).toList();
    }

    /** Each action with a description, an owner and a due date. */
    static List<DeepDiveAction> actions(List<DeepDiveAction> actions) {
        List<DeepDiveAction> given = actions == null ? List.of() : actions;
        size(given, MAX_ACTIONS, "actions");
        for (int i = 0; i < given.size(); i++) {
            DeepDiveAction action = given.get(i);
            String at = "actions[" + i + "]";
            if (action == null) {
                throw new RuleViolationException("action-owner-and-due-date", at, "An action is required");
            }
            required(action.description(), MAX_ITEM, at + ".description");
            if (action.owner() == null || action.owner().isBlank()) {
                throw new RuleViolationException("action-owner-and-due-date", at + ".owner",
                        "Every action has an owner");
            }
            text(action.owner(), MAX_NAME, at + ".owner");
            if (action.dueDate() == null) {
                throw new RuleViolationException("action-owner-and-due-date", at + ".dueDate",
                        "Every action has a due date");
            }
        }
        return given.stream().map(a -> new DeepDiveAction(a.description().strip(), a.owner().strip(),
                a.dueDate())).toList();
    }

    private static void size(List<?> list, int max, String field) {
        if (list.size() > max) {
            throw new RuleViolationException("list-limit", field, field + " has " + list.size()
                    + " items; at most " + max + " are kept");
        }
    }
}
