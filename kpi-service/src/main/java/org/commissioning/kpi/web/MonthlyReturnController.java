package org.commissioning.kpi.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.kpi.api.ContractFacts;
import org.commissioning.kpi.api.CorrectKpiValueCommand;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KnownContract;
import org.commissioning.kpi.api.KpiConflictException;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.SubmitMonthlyReturnCommand;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.kpi.query.KnownContractsProjection;
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
 * A contract is "known" once its {@code ContractRegistered} has arrived; terminated or expired contracts are not
 * published yet, so every known contract counts as active.
 */
@RestController
@RequestMapping("/api/kpi/contracts/{contractId}/returns")
public class MonthlyReturnController {

    /** What the platform's causation filter records when a request names no actor. */
    static final String ANONYMOUS = "anonymous";

    private final CommandGateway commands;
    private final KnownContractsProjection contracts;
    private final KpiFrameworks frameworks;
    private final MonthlyReturnsProjection returns;

    public MonthlyReturnController(CommandGateway commands, KnownContractsProjection contracts,
                                   KpiFrameworks frameworks, MonthlyReturnsProjection returns) {
        this.commands = commands;
        this.contracts = contracts;
        this.frameworks = frameworks;
        this.returns = returns;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> submit(@PathVariable UUID contractId,
                                                      @Valid @RequestBody ReturnRequest request) {
        String id = contractId.toString();
        KnownContract contract = known(id);
        FrameworkHistory history = frameworks.of(id);
        String returnId = MonthlyReturnId.of(id, request.period());
        List<SubmittedValue> values = request.values() == null ? List.of() : request.values().stream()
                .map(v -> new SubmittedValue(v.kpiCode(), v.district(), v.value(), v.numerator(), v.denominator()))
                .toList();
        try {
            commands.sendAndWait(new SubmitMonthlyReturnCommand(returnId, id, request.period(), values,
                    request.narrative(), actor(), new ContractFacts(contract.start(), contract.end(),
                    contract.districts()), history));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new KpiConflictException("return-already-submitted", "SUBMITTED", "The return of contract " + id
                    + " for " + request.period() + " has already been submitted; correct its values instead");
        }
        int version = history.inForce(request.period()).orElseThrow().version();
        return ResponseEntity.created(URI.create(location(id, request.period())))
                .body(Map.of("returnId", returnId, "contractId", id, "period", request.period().toString(),
                        "frameworkVersion", version));
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
                                                       @RequestBody CorrectionRequest request) {
        String id = contractId.toString();
        known(id);
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

    private KnownContract known(String id) {
        return contracts.find(id).orElseThrow(() -> new NotFoundException("No contract " + id + " is known here"));
    }

    private static String actor() {
        return CausationContext.current().map(CausationContext::actor).orElse(ANONYMOUS);
    }

    private static String location(String contractId, YearMonth period) {
        return "/api/kpi/contracts/" + contractId + "/returns/" + period;
    }
}
