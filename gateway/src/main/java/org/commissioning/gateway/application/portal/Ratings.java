package org.commissioning.gateway.application.portal;

/** A rating's words and GOV.UK tag colour: the word is always shown, the colour never alone. */
public final class Ratings {

    private Ratings() {
    }

    /** "Green", "Amber", "Red", "Stretch"; "Not rated" for none. */
    public static String label(String rating) {
        if (rating == null || rating.isBlank()) {
            return "Not rated";
        }
        return rating.charAt(0) + rating.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The govuk-tag modifier: green, yellow for AMBER, red, blue for STRETCH, grey for none. */
    public static String tagClass(String rating) {
        return "govuk-tag govuk-tag--" + (rating == null ? "grey" : switch (rating) {
            case "GREEN" -> "green";
            case "AMBER" -> "yellow";
            case "RED" -> "red";
            case "STRETCH" -> "blue";
            default -> "grey";
        });
    }
}
