package org.commissioning.kpi.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.OverdueReturn;
import org.commissioning.kpi.application.CorrectKpiValue;
import org.commissioning.kpi.application.CsvRowsException;
import org.commissioning.kpi.application.ImportFiguresCsv;
import org.commissioning.kpi.application.RecordCouncilFigures;
import org.commissioning.kpi.application.ResolveDiscrepancy;
import org.commissioning.kpi.application.ReturnReads;
import org.commissioning.kpi.application.SubmitMonthlyReturn;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * Monthly returns of a contract over HTTP: submitted once per period (JSON or CSV), then corrected value by value;
 * the council's figures (JSON or CSV) and the resolution of discrepancies; the reads. Each maps to a use case of
 * the application layer and its result to a response record.
 */
@RestController
@RequestMapping("/api/kpi/contracts/{contractId}/returns")
@RequiredArgsConstructor
public class MonthlyReturnController {

    public record ReturnSubmittedResponse(String returnId, String contractId, String period, int frameworkVersion) {
    }

    public record CouncilFiguresResponse(String returnId, String recordedBy, int values) {
    }

    public record CorrectionResponse(String returnId, String kpiCode, String correctedBy) {
    }

    public record ResolutionResponse(String returnId, String kpiCode, String resolvedBy) {
    }

    private final SubmitMonthlyReturn submit;
    private final ImportFiguresCsv importCsv;
    private final RecordCouncilFigures councilFigures;
    private final CorrectKpiValue correct;
    private final ResolveDiscrepancy resolve;
    private final ReturnReads reads;

    @PostMapping
    public ResponseEntity<ReturnSubmittedResponse> submit(@PathVariable UUID contractId,
                                                          @Valid @RequestBody ReturnRequest request) {
        return submitted(submit.submit(new SubmitMonthlyReturn.Input(contractId.toString(), request.period(),
                ReturnRequest.submitted(request.values()), request.narrative())));
    }

    /** A whole return as CSV, all or nothing: any bad row is answered with 400 listing each bad row. */
    @PostMapping(path = "/{period}/csv", consumes = {"text/csv", "text/plain"})
    public ResponseEntity<ReturnSubmittedResponse> csv(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                                       @RequestBody(required = false) String body,
                                                       @RequestParam(required = false) String narrative) {
        return submitted(importCsv.importReturn(contractId.toString(), period, body, narrative));
    }

    /** The council's own figures for the month; they may come before or after the provider's return. */
    @PostMapping("/{period}/council-figures")
    public ResponseEntity<CouncilFiguresResponse> councilFigures(@PathVariable UUID contractId,
                                                                 @PathVariable YearMonth period,
                                                                 @Valid @RequestBody CouncilFiguresRequest request) {
        return recorded(councilFigures.record(new RecordCouncilFigures.Input(contractId.toString(), period,
                ReturnRequest.submitted(request.values()))));
    }

    /** The council's figures as CSV, all or nothing like the provider's. */
    @PostMapping(path = "/{period}/council-figures/csv", consumes = {"text/csv", "text/plain"})
    public ResponseEntity<CouncilFiguresResponse> councilFiguresCsv(@PathVariable UUID contractId,
                                                                    @PathVariable YearMonth period,
                                                                    @RequestBody(required = false) String body) {
        return recorded(importCsv.importCouncilFigures(contractId.toString(), period, body));
    }

    @PostMapping("/{period}/corrections")
    public ResponseEntity<CorrectionResponse> correct(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                                      @Valid @RequestBody CorrectionRequest request) {
        CorrectKpiValue.Corrected corrected = correct.correct(new CorrectKpiValue.Input(contractId.toString(),
                period, request.kpiCode(), request.district(), request.value(), request.numerator(),
                request.denominator(), request.reason()));
        return ResponseEntity.created(location(contractId, period)).body(new CorrectionResponse(
                corrected.returnId(), corrected.kpiCode(), corrected.correctedBy()));
    }

    /** An officer resolves the open discrepancy of a KPI ({@code district} in the body, null for the total). */
    @PostMapping("/{period}/discrepancies/{kpiCode}/resolution")
    public ResponseEntity<ResolutionResponse> resolve(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                                      @PathVariable String kpiCode,
                                                      @Valid @RequestBody ResolutionRequest request) {
        ResolveDiscrepancy.Resolved resolved = resolve.resolve(new ResolveDiscrepancy.Input(contractId.toString(),
                period, kpiCode, request.district(), request.note()));
        return ResponseEntity.created(location(contractId, period)).body(new ResolutionResponse(
                resolved.returnId(), resolved.kpiCode(), resolved.resolvedBy()));
    }

    /** The return as it stands, or with {@code asOf} (an instant) as it stood then by the stored events. */
    @GetMapping("/{period}")
    public MonthlyReturnView find(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                  @RequestParam(required = false) String asOf) {
        return reads.find(contractId.toString(), period, asOf);
    }

    /** The returns found overdue (including those that arrived late, with {@code receivedAt}). */
    @GetMapping("/overdue")
    public List<OverdueReturn> overdue(@PathVariable UUID contractId) {
        return reads.overdue(contractId.toString());
    }

    /** The CSV template of the version in force in {@code period} (this month without it). */
    @GetMapping(path = "/template.csv", produces = "text/csv")
    public ResponseEntity<String> template(@PathVariable UUID contractId,
                                           @RequestParam(required = false) YearMonth period) {
        ReturnReads.CsvTemplate template = reads.template(contractId.toString(), period);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"return-" + template.contractId()
                        + ".csv\"")
                .body(template.csv());
    }

    /** 400 {@code csv-invalid} with {@code errors[{line, rule, column, message}]}. */
    @ExceptionHandler(CsvRowsException.class)
    public ResponseEntity<ProblemDetail> csvRows(CsvRowsException ex) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "csv-invalid",
                "Rows of the CSV are invalid", ex.getMessage());
        problem.setProperty("rule", "csv-invalid");
        problem.setProperty("errors", ex.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<ReturnSubmittedResponse> submitted(SubmitMonthlyReturn.Submitted submitted) {
        return ResponseEntity.created(location(submitted.contractId(), submitted.period()))
                .body(new ReturnSubmittedResponse(submitted.returnId(), submitted.contractId(),
                        submitted.period().toString(), submitted.frameworkVersion()));
    }

    private static ResponseEntity<CouncilFiguresResponse> recorded(RecordCouncilFigures.Recorded recorded) {
        return ResponseEntity.created(location(recorded.contractId(), recorded.period()))
                .body(new CouncilFiguresResponse(recorded.returnId(), recorded.recordedBy(), recorded.values()));
    }

    private static URI location(Object contractId, YearMonth period) {
        return URI.create("/api/kpi/contracts/" + contractId + "/returns/" + period);
    }
}
