package org.commissioning.gateway.web.pages;

import org.springframework.stereotype.Component;

/**
 * The GOV.UK tag colour of a rating or band ({@code @bands.tag(...)} in templates), always shown with the word:
 * GREEN green, AMBER yellow, RED red, STRETCH blue, anything else (not rated, no value) grey.
 */
@Component("bands")
public class Bands {

    public String tag(String band) {
        if (band == null) {
            return "govuk-tag--grey";
        }
        return switch (band) {
            case "GREEN" -> "govuk-tag--green";
            case "AMBER" -> "govuk-tag--yellow";
            case "RED" -> "govuk-tag--red";
            case "STRETCH" -> "govuk-tag--blue";
            default -> "govuk-tag--grey";
        };
    }

    /** "Not rated" for NOT_RATED, the rating itself otherwise. */
    public String word(String band) {
        return band == null || "NOT_RATED".equals(band) ? "Not rated" : band;
    }
}
