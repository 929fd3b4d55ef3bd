package org.commissioning.kpi.web;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.kpi.api.ContractFacts;
import org.commissioning.kpi.api.CorrectKpiValueCommand;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.KpiLimits;
import org.commissioning.kpi.api.ReturnPeriods;
import org.commissioning.kpi.command.ReturnValues;
import org.commissioning.kpi.overdue.OverdueReturnsScan;
import org.springframework.beans.factory.annotation.Value;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.RecordCouncilFiguresCommand;
import org.commissioning.kpi.api.ResolveKpiDiscrepancyCommand;
import org.commissioning.kpi.api.SubmitMonthlyReturnCommand;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.kpi.query.ContractStatusView;
import org.commissioning.kpi.query.KpiFrameworks;
import org.commissioning.kpi.query.MonthlyReturnsProjection;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.domain.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * Monthly returns of a contract: submitted once per period, then corrected value by value.
 * A contract is "known" once its {@code ContractRegistered} has arrived. Once it is terminated or expires
 * ({@link ContractStatusView}), figures for months after the one it ended in are refused ({@code contract-not-active});
 * the months up to and including that one still take their (final) returns.
 */
@RestController
@RequestMapping("/api/kpi/contracts/{contractId}/returns")
public class MonthlyReturnController {

    /** What the platform's causation filter records when a request names no actor. */
    static final String ANONYMOUS = "anonymous";

    private final CommandGateway commands;
    private final KnownContracts contracts;
    private final KpiFrameworks frameworks;
    private final MonthlyReturnsProjection returns;
    private final Clock clock;
    private final ContractStatusView statuses;
    private final int dueDay;

    public MonthlyReturnController(CommandGateway commands, KnownContracts contracts,
                                   KpiFrameworks frameworks, MonthlyReturnsProjection returns, Clock clock,
                                   ContractStatusView statuses,
                                   @Value("${kpi.returns.due-day-of-next-month:15}") int dueDay) {
        this.commands = commands;
        this.dueDay = dueDay;
        this.statuses = statuses;
        this.contracts = contracts;
        this.frameworks = frameworks;
        this.returns = returns;
        this.clock = clock;
    }

    /**
     * A whole return as CSV ({@link ReturnCsv}), all or nothing: every row is checked first, and any bad row is
     * answered with 400 listing each bad row's line and message; nothing is stored then. The checks of the period
     * and of the return as a whole (in the future, already submitted, no framework in force) are the JSON
     * submission's, answered the same way.
     */
    @PostMapping(path = "/{period}/csv", consumes = {"text/csv", "text/plain"})
    public ResponseEntity<Map<String, Object>> csv(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                                   @RequestBody(required = false) String body,
                                                   @RequestParam(required = false) String narrative) {
        String id = contractId.toString();
        KnownContract contract = known(id);
        active(id, period);
        inTerm(id, contract, period, "A return for " + period);
        ReturnCsv.Parsed parsed = checkedCsv(body, ReturnValues.Source.PROVIDER, id, contract, period);
        return submit(id, contract, period, parsed.rows().stream().map(r -> new SubmittedValue(r.kpiCode(),
                r.district(), r.value(), r.numerator(), r.denominator())).toList(), narrative);
    }

    /**
     * The council's figures as CSV (the columns of {@link ReturnCsv}), for KPIs whose expected source is COUNCIL
     * or BOTH: all or nothing like the provider's CSV, each bad row reported with its line; then recorded as the
     * JSON council figures are (triangulated with the provider's values).
     */
    @PostMapping(path = "/{period}/council-figures/csv", consumes = {"text/csv", "text/plain"})
    public ResponseEntity<Map<String, Object>> councilFiguresCsv(@PathVariable UUID contractId,
                                                                 @PathVariable YearMonth period,
                                                                 @RequestBody(required = false) String body) {
        String id = contractId.toString();
        KnownContract contract = known(id);
        active(id, period);
        inTerm(id, contract, period, "Council figures for " + period);
        ReturnCsv.Parsed parsed = checkedCsv(body, ReturnValues.Source.COUNCIL, id, contract, period);
        return recordCouncilFigures(id, contract, period, parsed.rows().stream().map(r -> new SubmittedValue(
                r.kpiCode(), r.district(), r.value(), r.numerator(), r.denominator())).toList());
    }

    /**
     * Parses a CSV and checks every row as {@code source}'s values against the framework in force (duplicates,
     * and for the provider the totals of KPIs broken down by district); throws {@link CsvRowsException} listing
     * every bad row, so nothing is sent when any row is bad.
     */
    private ReturnCsv.Parsed checkedCsv(String body, ReturnValues.Source source, String id, KnownContract contract,
                                        YearMonth period) {
        ReturnCsv.Parsed parsed = ReturnCsv.parse(body);
        List<ReturnCsv.RowError> errors = new ArrayList<>(parsed.errors());
        FrameworkHistory history = frameworks.of(id);
        Optional<KpiFrameworkVersion> framework = history.inForce(period);
        if (framework.isPresent()) {
            String returnId = MonthlyReturnId.of(id, period);
            Map<String, Integer> firstLine = new LinkedHashMap<>();
            Set<String> totals = new HashSet<>();
            Map<String, Integer> keys = new HashMap<>();
            for (ReturnCsv.Row row : parsed.rows()) {
                try {
                    KpiValueSubmittedEvent value = ReturnValues.check(new SubmittedValue(row.kpiCode(),
                                    row.district(), row.value(), row.numerator(), row.denominator()), "row",
                            source, returnId, id, period, framework.get(), facts(contract));
                    String key = value.kpiCode() + "|" + value.district();
                    Integer earlier = keys.putIfAbsent(key, row.line());
                    if (earlier != null) {
                        errors.add(new ReturnCsv.RowError(row.line(), "value-duplicate", null, "KPI "
                                + value.kpiCode() + " already has a " + (value.district() == null ? "total"
                                : "value for " + value.district()) + " on line " + earlier));
                    }
                    firstLine.putIfAbsent(value.kpiCode(), row.line());
                    if (value.district() == null) {
                        totals.add(value.kpiCode());
                    }
                } catch (RuleViolationException e) {
                    String field = e.field() == null ? null : e.field().substring(e.field().lastIndexOf('.') + 1);
                    errors.add(new ReturnCsv.RowError(row.line(), e.rule(), "row".equals(field) ? null : field,
                            e.getMessage()));
                }
            }
            if (source == ReturnValues.Source.PROVIDER) {
                firstLine.forEach((code, line) -> {
                    if (!totals.contains(code)) {
                        errors.add(new ReturnCsv.RowError(line, "total-missing", "district", "KPI " + code
                                + " is broken down by district and also needs its total (a row without district)"));
                    }
                });
            }
            if (parsed.errors().isEmpty() && parsed.rows().isEmpty()) {
                errors.add(new ReturnCsv.RowError(1, "values-required", null, "The file has no rows of values"));
            }
        }
        if (!errors.isEmpty()) {
            throw new CsvRowsException(errors.stream()
                    .sorted(java.util.Comparator.comparingInt(ReturnCsv.RowError::line)).toList());
        }
        return parsed;
    }

    /**
     * Refuses figures for a month after the one the contract ended in (terminated or expired), 409
     * {@code contract-not-active} with the status as {@code currentState}; the month it ended in is still taken.
     */
    void active(String id, YearMonth period) {
        statuses.find(id).filter(status -> !status.accepts(period)).ifPresent(status -> {
            throw new StateConflictException("contract-not-active", status.status(), "Contract " + id + " is "
                    + status.status().toLowerCase(java.util.Locale.ROOT) + " (service ended " + status.endedOn()
                    + "): no figures are taken for " + period + ", only for months up to "
                    + YearMonth.from(status.endedOn()));
        });
    }

    /**
     * Refuses a period after the current month ({@code period-in-future}) or outside the contract's term
     * ({@code period-outside-term}), with the bounds; the return's own commands check the same.
     */
    private void inTerm(String id, KnownContract contract, YearMonth period, String what) {
        ReturnPeriods.require(period, id, facts(contract), YearMonth.now(clock), what);
    }

    /**
     * The CSV template of the contract: the header and one row per KPI the provider reports in the version in
     * force in {@code period} (this month without it).
     */
    @GetMapping(path = "/template.csv", produces = "text/csv")
    public ResponseEntity<String> template(@PathVariable UUID contractId,
                                           @RequestParam(required = false) YearMonth period) {
        String id = contractId.toString();
        known(id);
        YearMonth month = period == null ? YearMonth.now(clock) : period;
        KpiFrameworkVersion version = frameworks.of(id).inForce(month).orElseThrow(() ->
                new NotFoundException("No KPI framework of contract " + id + " is in force in " + month));
        String csv = ReturnCsv.template(version.kpis().stream().filter(k -> k.expectedSource().fromProvider())
                .map(KpiDefinition::code).toList());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"return-" + id + ".csv\"")
                .body(csv);
    }

    @ExceptionHandler(CsvRowsException.class)
    public ResponseEntity<ProblemDetail> csvRows(CsvRowsException ex) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "csv-invalid",
                "Rows of the CSV are invalid", ex.getMessage());
        problem.setProperty("rule", "csv-invalid");
        problem.setProperty("errors", ex.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The bad rows of a CSV upload. */
    static class CsvRowsException extends RuntimeException {
        private final List<ReturnCsv.RowError> errors;

        CsvRowsException(List<ReturnCsv.RowError> errors) {
            super(errors.size() + " row" + (errors.size() == 1 ? " is" : "s are") + " invalid, so nothing was "
                    + "stored: " + errors.stream().map(e -> "line " + e.line() + ": " + e.message())
                    .collect(java.util.stream.Collectors.joining("; ")));
            this.errors = errors;
        }

        List<ReturnCsv.RowError> errors() {
            return errors;
        }
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> submit(@PathVariable UUID contractId,
                                                      @Valid @RequestBody ReturnRequest request) {
        String id = contractId.toString();
        KnownContract contract = known(id);
        if (request.period() != null) {
            active(id, request.period());
        }
        List<SubmittedValue> values = request.values() == null ? List.of() : request.values().stream()
                .map(v -> new SubmittedValue(v.kpiCode(), v.district(), v.value(), v.numerator(), v.denominator()))
                .toList();
        return submit(id, contract, request.period(), values, request.narrative());
    }

    /** Sends the return and answers 201; shared with the CSV upload. */
    ResponseEntity<Map<String, Object>> submit(String id, KnownContract contract, YearMonth period,
                                               List<SubmittedValue> values, String narrative) {
        FrameworkHistory history = frameworks.of(id);
        String returnId = MonthlyReturnId.of(id, period);
        SubmitMonthlyReturnCommand command = new SubmitMonthlyReturnCommand(returnId, id, period, values,
                narrative, actor(), facts(contract), history,
                period == null ? null : OverdueReturnsScan.dueDate(period, dueDay));
        try {
            sendCreatingOnce(command);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new StateConflictException("return-already-submitted", "SUBMITTED", "The return of contract " + id
                    + " for " + period + " has already been submitted; correct its values instead");
        }
        int version = returns.find(returnId).map(MonthlyReturnView::frameworkVersion).filter(v -> v > 0)
                .orElseGet(() -> history.inForce(period).orElseThrow().version());
        return ResponseEntity.created(URI.create(location(id, period)))
                .body(Map.of("returnId", returnId, "contractId", id, "period", period.toString(),
                        "frameworkVersion", version));
    }

    /**
     * The council's own figures for the month, for KPIs whose expected source is COUNCIL or BOTH; they may come
     * before or after the provider's return. Figures that do not reconcile with the provider's are flagged.
     */
    @PostMapping("/{period}/council-figures")
    public ResponseEntity<Map<String, Object>> councilFigures(@PathVariable UUID contractId,
                                                              @PathVariable YearMonth period,
                                                              @Valid @RequestBody CouncilFiguresRequest request) {
        String id = contractId.toString();
        KnownContract contract = known(id);
        active(id, period);
        List<SubmittedValue> values = request.values() == null ? List.of() : request.values().stream()
                .map(v -> v == null ? null
                        : new SubmittedValue(v.kpiCode(), v.district(), v.value(), v.numerator(), v.denominator()))
                .toList();
        return recordCouncilFigures(id, contract, period, values);
    }

    /** Sends the council's figures and answers 201; shared with the CSV upload. */
    private ResponseEntity<Map<String, Object>> recordCouncilFigures(String id, KnownContract contract,
                                                                     YearMonth period, List<SubmittedValue> values) {
        String actor = actor();
        RecordCouncilFiguresCommand command = new RecordCouncilFiguresCommand(MonthlyReturnId.of(id, period), id,
                period, values, ANONYMOUS.equals(actor) ? null : actor, facts(contract), frameworks.of(id));
        try {
            sendCreatingOnce(command);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new StateConflictException("return-changed-concurrently", "CHANGED", "The return of contract " + id
                    + " for " + period + " was changed at the same time; read it again and retry");
        }
        return ResponseEntity.created(URI.create(location(id, period)))
                .body(Map.of("returnId", MonthlyReturnId.of(id, period), "recordedBy", actor,
                        "values", values.size()));
    }

    /** An officer resolves the open discrepancy of a KPI ({@code district} in the body, null for the total). */
    @PostMapping("/{period}/discrepancies/{kpiCode}/resolution")
    public ResponseEntity<Map<String, Object>> resolve(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                                       @PathVariable String kpiCode,
                                                       @Valid @RequestBody ResolutionRequest request) {
        String id = contractId.toString();
        KnownContract contract = known(id);
        if (kpiCode.length() > KpiLimits.KPI_CODE) {
            throw new RuleViolationException("kpi-code-too-long", "kpiCode", "A KPI code is at most "
                    + KpiLimits.KPI_CODE + " characters; got " + kpiCode.length());
        }
        inTerm(id, contract, period, "A resolution of " + period);
        String actor = actor();
        try {
            commands.sendAndWait(new ResolveKpiDiscrepancyCommand(MonthlyReturnId.of(id, period), kpiCode,
                    request.district(), request.note(), ANONYMOUS.equals(actor) ? null : actor));
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("No return of contract " + id + " for " + period);
        }
        return ResponseEntity.created(URI.create(location(id, period)))
                .body(Map.of("returnId", MonthlyReturnId.of(id, period), "kpiCode", kpiCode, "resolvedBy", actor));
    }

    /** The returns found overdue (including those that arrived late, with {@code receivedAt}). */
    @GetMapping("/overdue")
    public List<MonthlyReturnsProjection.OverdueReturn> overdue(@PathVariable UUID contractId) {
        String id = contractId.toString();
        known(id);
        return returns.overdue(id);
    }

    /**
     * A command that may create the return: a return is created by whichever comes first of the provider's return,
     * the council's figures and the overdue scan, so when two race to create it the loser is sent once more and then
     * meets the return the winner created.
     */
    private void sendCreatingOnce(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            commands.sendAndWait(command);
        }
    }

    static ContractFacts facts(KnownContract contract) {
        return new ContractFacts(contract.start(), contract.end(), contract.districts());
    }

    @GetMapping("/{period}")
    public MonthlyReturnView find(@PathVariable UUID contractId, @PathVariable YearMonth period) {
        String id = contractId.toString();
        known(id);
        return returns.find(id, period).orElseThrow(() ->
                new NotFoundException("No return of contract " + id + " for " + period));
    }

    @PostMapping("/{period}/corrections")
    public ResponseEntity<Map<String, Object>> correct(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                                       @Valid @RequestBody CorrectionRequest request) {
        String id = contractId.toString();
        KnownContract contract = known(id);
        inTerm(id, contract, period, "A correction of " + period);
        String actor = actor();
        try {
            commands.sendAndWait(new CorrectKpiValueCommand(MonthlyReturnId.of(id, period), request.kpiCode(),
                    request.district(), request.value(), request.numerator(), request.denominator(),
                    request.reason(), ANONYMOUS.equals(actor) ? null : actor, frameworks.of(id)));
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("No return of contract " + id + " for " + period + " to correct");
        }
        return ResponseEntity.created(URI.create(location(id, period)))
                .body(Map.of("returnId", MonthlyReturnId.of(id, period), "kpiCode", request.kpiCode(),
                        "correctedBy", actor));
    }

    KnownContract known(String id) {
        return contracts.require(id);
    }

    static String actor() {
        return CausationContext.current().map(CausationContext::actor).orElse(ANONYMOUS);
    }

    private static String location(String contractId, YearMonth period) {
        return "/api/kpi/contracts/" + contractId + "/returns/" + period;
    }
}
