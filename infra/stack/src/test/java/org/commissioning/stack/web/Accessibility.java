package org.commissioning.stack.web;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/**
 * An accessibility smoke check: axe-core (Deque's, injected into the page) runs its WCAG 2.0, 2.1 and 2.2 level A
 * and AA rules against the page as it is now; any violation fails, listing each rule, its impact and the elements.
 * It catches what a machine can (labels, contrast, table headers, names, landmarks); it does not replace a person's
 * check of focus order and wording.
 */
public final class Accessibility {

    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Accessibility() {
    }

    /** Fails, listing them, when {@code page} violates a WCAG 2 A or AA rule axe-core can check. */
    public static void assertNoWcagViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_A_AA).analyze();
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " WCAG 2 A/AA violation(s) on " + page.url() + ":"
                    + System.lineSeparator() + violations.stream().map(Accessibility::describe)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getHelpUrl()
                + rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining());
    }

    private static String describe(CheckedNode node) {
        return System.lineSeparator() + "    " + node.getTarget() + " " + node.getHtml();
    }
}
