package org.commissioning.gateway.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.CountyOverview;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardFilter;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.api.DashboardSummary;
import org.commissioning.gateway.api.DeepDiveProgramme;
import org.commissioning.gateway.api.RatingTable;
import org.commissioning.gateway.application.ExportRatingTable;
import org.commissioning.gateway.application.ListDashboardContracts;
import org.commissioning.gateway.application.RatingTableExport;
import org.commissioning.gateway.application.ShowCountyOverview;
import org.commissioning.gateway.application.ShowDeepDiveProgramme;
import org.commissioning.gateway.application.ShowRatingTable;
import org.commissioning.gateway.application.SummariseDashboard;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard of the head of service and the management team: every contract with its rating and trajectory, with
 * county, area and rating totals; the county overview and the rating table with its CSV and XLSX exports. A filter
 * outside its values (or a {@code sort} outside its columns) is answered with 400 {@code application/problem+json}
 * naming the parameter ({@code errors[].field}) and the values it takes.
 */
@RestController
@RequestMapping("/api/dashboard")
@RequiredArgsConstructor
public class DashboardController {

    static final String SORT = "a sortable column (provider, serviceArea, rag, ragPeriod, trend, projectedRating, "
            + "cadence, nextMeetingDue, overdueReturns, status), optionally followed by ,asc or ,desc; "
            + "provider,asc when absent";

    private final ListDashboardContracts list;
    private final SummariseDashboard summarise;
    private final ShowDeepDiveProgramme programme;
    private final ShowCountyOverview overview;
    private final ShowRatingTable ratingTable;
    private final ExportRatingTable export;

    /** The filters are the query's parameters by name ({@link DashboardQuery}), each optional. */
    @GetMapping("/contracts")
    public List<DashboardContract> contracts(@ModelAttribute DashboardQuery filter) {
        return list.list(filter);
    }

    @GetMapping("/summary")
    public DashboardSummary summary() {
        return summarise.summarise();
    }

    /** The deep dives of a programme year ({@code year=2018} for 2018-19), as Fig. 1 of the council's report. */
    @GetMapping("/deepdives")
    public DeepDiveProgramme deepDives(@RequestParam(required = false) String year) {
        return programme.show(year);
    }

    @Operation(summary = "The county overview: contracts by RAG, the districts' grid, service areas with their value, "
            + "meetings due and overdue, returns overdue, deep-dive progress; every figure over the filtered contracts")
    @GetMapping("/overview")
    public CountyOverview overview(@ParameterObject @ModelAttribute DashboardFilter filter,
                                  @Parameter(description = "the deep-dive programme year (2018 for 2018-19); the "
                                          + "current financial year when absent")
                                  @RequestParam(required = false) String year) {
        return overview.show(filter, year);
    }

    @Operation(summary = "The rating table (Fig. 2 of the 2018 report): provider, districts, RAG, rationale, "
            + "trajectory, cadence, next meeting")
    @GetMapping("/rating-table")
    public RatingTable ratingTable(@ParameterObject @ModelAttribute DashboardFilter filter,
                                   @Parameter(description = SORT) @RequestParam(required = false) String sort) {
        return ratingTable.show(filter, sort);
    }

    @Operation(summary = "The rating table as CSV (RFC 4180, UTF-8, header row): the same rows, columns, filters "
            + "and sort as the JSON", responses = @ApiResponse(responseCode = "200", description = "attachment "
            + "rating-table-<yyyy-MM-dd>.csv", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/rating-table.csv")
    public ResponseEntity<byte[]> ratingTableCsv(@ParameterObject @ModelAttribute DashboardFilter filter,
                                                 @Parameter(description = SORT)
                                                 @RequestParam(required = false) String sort) {
        return download(export.csv(filter, sort));
    }

    @Operation(summary = "The rating table as an XLSX workbook (one sheet, header row): the same rows, columns, "
            + "filters and sort as the JSON", responses = @ApiResponse(responseCode = "200", description = "attachment "
            + "rating-table-<yyyy-MM-dd>.xlsx", content = @Content(mediaType = RatingTableExport.XLSX,
            schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/rating-table.xlsx")
    public ResponseEntity<byte[]> ratingTableXlsx(@ParameterObject @ModelAttribute DashboardFilter filter,
                                                  @Parameter(description = SORT)
                                                  @RequestParam(required = false) String sort) {
        return download(export.xlsx(filter, sort));
    }

    private static ResponseEntity<byte[]> download(RatingTableExport file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }
}
