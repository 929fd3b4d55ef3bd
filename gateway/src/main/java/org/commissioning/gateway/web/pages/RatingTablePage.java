package org.commissioning.gateway.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.commissioning.gateway.api.DashboardFilter;
import org.commissioning.gateway.api.RatingTable;
import org.commissioning.gateway.api.RatingTableSort;
import org.commissioning.gateway.application.ExportRatingTable;
import org.commissioning.gateway.application.RatingTableExport;
import org.commissioning.gateway.application.ShowRatingTable;
import org.commissioning.platform.domain.RuleViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The rating table (page 2, Fig. 2 of the 2018 report): sortable by its column headings, filtered as the overview
 * is, and downloadable as CSV or XLSX with the same rows in the same order.
 */
@Hidden
@Controller
public class RatingTablePage {

    private final ShowRatingTable table;
    private final ExportRatingTable export;

    public RatingTablePage(ShowRatingTable table, ExportRatingTable export) {
        this.table = table;
        this.export = export;
    }

    @ModelAttribute("filter")
    DashboardFilter filter(@RequestParam(required = false) String area,
                           @RequestParam(required = false) String district,
                           @RequestParam(required = false) String serviceArea,
                           @RequestParam(required = false) String status,
                           @RequestParam(required = false) String rag) {
        return new DashboardFilter(area, district, serviceArea, status, rag);
    }

    @GetMapping("/ratings")
    ModelAndView ratings(@ModelAttribute("filter") DashboardFilter filter,
                         @RequestParam(required = false) String sort, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("ratings");
        page.addObject("choices", OverviewPage.FilterChoices.INSTANCE);
        page.addObject("self", Pages.self(request));
        RatingTable shown;
        try {
            shown = table.show(filter.validated(), sort);
        } catch (RuleViolationException refused) {
            filter = DashboardFilter.none();
            shown = table.show(filter, null);
            page.addObject("filterError", refused);
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        page.addObject("table", shown);
        page.addObject("sortLinks", sortLinks(filter, shown));
        page.addObject("csv", link("/ratings.csv", filter, shown.sort()));
        page.addObject("xlsx", link("/ratings.xlsx", filter, shown.sort()));
        return page;
    }

    /**
     * A sortable column's heading: the link that sorts by it (the other way round when it is the current order) and
     * its {@code aria-sort}.
     */
    public record SortLink(String href, String ariaSort) {
    }

    private static Map<String, SortLink> sortLinks(DashboardFilter filter, RatingTable shown) {
        RatingTableSort current = RatingTableSort.parse(shown.sort());
        Map<String, SortLink> links = new LinkedHashMap<>();
        for (RatingTable.Column column : shown.columns()) {
            if (!column.sortable()) {
                continue;
            }
            boolean sorted = current.column().key().equals(column.key());
            boolean descendingNext = sorted && !current.descending();
            String ariaSort = !sorted ? "none" : current.descending() ? "descending" : "ascending";
            links.put(column.key(), new SortLink(link("/ratings", filter,
                    column.key() + (descendingNext ? ",desc" : ",asc")), ariaSort));
        }
        return links;
    }

    private static String link(String path, DashboardFilter filter, String sort) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("area", Optional.ofNullable(filter.area()))
                .queryParamIfPresent("district", Optional.ofNullable(filter.district()))
                .queryParamIfPresent("serviceArea", Optional.ofNullable(filter.serviceArea()))
                .queryParamIfPresent("status", Optional.ofNullable(filter.status()))
                .queryParamIfPresent("rag", Optional.ofNullable(filter.rag()))
                .queryParam("sort", sort)
                .encode().build().toUriString();
    }

    @GetMapping("/ratings.csv")
    ResponseEntity<byte[]> csv(@ModelAttribute("filter") DashboardFilter filter,
                               @RequestParam(required = false) String sort) {
        return download(export.csv(filter.validated(), sort));
    }

    @GetMapping("/ratings.xlsx")
    ResponseEntity<byte[]> xlsx(@ModelAttribute("filter") DashboardFilter filter,
                                @RequestParam(required = false) String sort) {
        return download(export.xlsx(filter.validated(), sort));
    }

    private static ResponseEntity<byte[]> download(RatingTableExport file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }
}
