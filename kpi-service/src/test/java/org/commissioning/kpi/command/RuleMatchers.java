package org.commissioning.kpi.command;

import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the fixture's {@code expectException}: which rule a refusal names, and the field at fault. */
final class RuleMatchers {

    private RuleMatchers() {
    }

    static Matcher<RuleViolationException> violates(String rule, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException e) {
                return rule.equals(e.rule()) && java.util.Objects.equals(field, e.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolationException of rule ").appendValue(rule)
                        .appendText(" on field ").appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(RuleViolationException e, Description mismatch) {
                mismatch.appendText("rule ").appendValue(e.rule()).appendText(" on field ").appendValue(e.field())
                        .appendText(": ").appendText(e.getMessage());
            }
        };
    }

    static Matcher<StateConflictException> conflicts(String rule, String currentState) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(StateConflictException e) {
                return rule.equals(e.rule()) && currentState.equals(e.currentState());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a StateConflictException of rule ").appendValue(rule)
                        .appendText(" in state ").appendValue(currentState);
            }
        };
    }
}
