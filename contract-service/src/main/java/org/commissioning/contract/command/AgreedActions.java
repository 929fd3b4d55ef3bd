package org.commissioning.contract.command;

import java.time.LocalDate;
import java.util.List;

import org.commissioning.contract.api.PlanAction;
import org.commissioning.platform.domain.RuleViolationException;

/** The actions of a plan or a meeting, as stored: none due before the day they were agreed. */
final class AgreedActions {

    private AgreedActions() {
    }

    /**
     * The actions, trimmed, refusing one due before {@code agreedOn} by {@code dueRule}; errors name the action by
     * its index. {@code agreedWhen} says when that was, for the message.
     */
    static List<PlanAction> dueFrom(List<PlanAction> actions, LocalDate agreedOn, String dueRule, String agreedWhen) {
        if (actions == null) {
            return List.of();
        }
        for (int i = 0; i < actions.size(); i++) {
            LocalDate due = actions.get(i).dueDate();
            if (due.isBefore(agreedOn)) {
                throw new RuleViolationException(dueRule, "actions[" + i + "].dueDate",
                        "An action cannot be due before " + agreedWhen + ": " + due + " is before " + agreedOn);
            }
        }
        return actions.stream().map(a -> new PlanAction(Decisions.trimmed(a.description()),
                Decisions.trimmed(a.owner()), a.dueDate())).toList();
    }
}
