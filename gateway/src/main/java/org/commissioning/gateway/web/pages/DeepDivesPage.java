package org.commissioning.gateway.web.pages;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.ShowDeepDiveProgramme;
import org.commissioning.platform.domain.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The deep-dive programme of a year, as Fig. 1 of the council's report shows it: each contract's deep dive and the
 * totals, over the contracts the signed-in person may see ({@link ShowDeepDiveProgramme}). The year is picked with
 * a GET form (this year's programme when none is given); a year that is not a programme year is shown next to the
 * field (400). Open, the table fetches itself again whenever the dashboard changes.
 */
@Hidden
@Controller
@RequiredArgsConstructor
public class DeepDivesPage {

    static final ZoneId COUNCIL = ZoneId.of("Europe/London");

    private final ShowDeepDiveProgramme programme;

    @GetMapping("/deep-dives")
    ModelAndView page(@RequestParam(required = false) String year) {
        return shown("deep-dives", year);
    }

    /** The table alone, for the page's live region. */
    @GetMapping("/deep-dives/fragments/programme")
    ModelAndView table(@RequestParam(required = false) String year) {
        return shown("deep-dives :: programme", year);
    }

    private ModelAndView shown(String view, String year) {
        String asked = year == null ? String.valueOf(thisProgrammeYear()) : year;
        ModelAndView page = new ModelAndView(view).addObject("year", asked);
        try {
            return page.addObject("programme", programme.show(asked));
        } catch (RuleViolationException notAYear) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page.addObject("error", notAYear.getMessage()).addObject("errorField", notAYear.field());
        }
    }

    /** The financial year the council is in: 2026 for 2026-27, from April. */
    static int thisProgrammeYear() {
        LocalDate today = LocalDate.now(COUNCIL);
        return today.getMonthValue() >= Month.APRIL.getValue() ? today.getYear() : today.getYear() - 1;
    }
}
