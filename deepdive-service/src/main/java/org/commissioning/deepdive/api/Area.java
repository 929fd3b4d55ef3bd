package org.commissioning.deepdive.api;

import java.util.Arrays;

import org.commissioning.platform.domain.RuleViolationException;

/** The nine areas a deep dive evaluates (source report 000, 1.1.8), numbered 1 to 9. */
public enum Area {
    DIRECT_WORK(1, "quality of direct work with the child or family"),
    STAFF_EXPECTATIONS(2, "provider staff understand what is expected of them"),
    FUNDING_AND_PAYMENT(3, "agreement on funding and payment mechanisms"),
    SERVICE_REQUIREMENTS(4, "service requirements met, and shortfalls in quality or delivery explored and recorded"),
    VOICE_OF_THE_CHILD(5, "voice of the child or family, and how their views shaped the service"),
    PLANNING_AND_REVIEW(6, "quality of planning and review"),
    MULTI_AGENCY_AND_SUPERVISION(7, "multi-agency working, and effective, reflective supervision"),
    MANAGEMENT_OVERSIGHT(8, "quality and effectiveness of management oversight"),
    LESSONS_AND_VARIATION(9, "lessons learnt, and whether a formal variation of the contract is needed, possible, "
            + "and how");

    private final int number;
    private final String title;

    Area(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** @throws RuleViolationException {@code area-within-nine} (field {@code area}) for a number outside 1..9 */
    public static Area number(int number) {
        return Arrays.stream(values()).filter(a -> a.number == number).findFirst().orElseThrow(() ->
                new RuleViolationException("area-within-nine", "area", "A deep dive has nine areas, numbered 1 to 9; "
                        + "got " + number));
    }

    /** {@code 5 VOICE_OF_THE_CHILD}. */
    public String label() {
        return number + " " + name();
    }
}
