package org.commissioning.gateway.web.pages;

import java.util.List;

import org.commissioning.events.contracts.v1.Geography;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardFilter;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.application.ShowCountyOverview;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The county overview (page 1), where everyone but a provider's staff starts: contracts by rating, the districts'
 * grid, service areas with their value, meetings and returns overdue, the deep-dive programme; every part cut by the
 * same filters. A provider's staff start at their own contracts instead.
 */
@Hidden
@Controller
public class OverviewPage {

    private final ShowCountyOverview overview;

    public OverviewPage(ShowCountyOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/")
    ModelAndView overview(@RequestParam(required = false) String area,
                          @RequestParam(required = false) String district,
                          @RequestParam(required = false) String serviceArea,
                          @RequestParam(required = false) String status,
                          @RequestParam(required = false) String rag,
                          @RequestParam(required = false) String year,
                          HttpServletRequest request) {
        if (Access.caller().isConfinedToProvider()) {
            return new ModelAndView("redirect:/provider");
        }
        DashboardFilter filter = new DashboardFilter(area, district, serviceArea, status, rag);
        ModelAndView page = new ModelAndView("overview");
        page.addObject("filter", filter);
        page.addObject("choices", FilterChoices.INSTANCE);
        page.addObject("self", Pages.self(request));
        try {
            page.addObject("overview", overview.show(filter.validated(), year));
        } catch (RuleViolationException refused) {
            page.addObject("overview", overview.show(DashboardFilter.none(), null));
            page.addObject("filterError", refused);
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    /** The values each filter may take, in the order the council lists them. */
    public record FilterChoices(List<String> areas, List<String> districts, List<String> serviceAreas,
                                List<String> statuses, List<String> rags) {

        static final FilterChoices INSTANCE = new FilterChoices(Geography.areas(), Geography.districts(),
                DashboardQuery.SERVICE_AREAS, DashboardContract.STATUSES, DashboardQuery.RAGS);
    }
}
