package org.commissioning.kpi.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.kpi.api.Band;
import org.commissioning.kpi.api.DefineKpiFrameworkCommand;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiTemplates;
import org.commissioning.kpi.api.ReviseKpiFrameworkCommand;
import org.commissioning.kpi.query.KpiFrameworks;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** A contract's KPI framework: defined once, then revised in versions, each effective from a period. */
@RestController
@RequestMapping("/api/kpi/contracts/{contractId}/framework")
public class KpiFrameworkController {

    private final CommandGateway commands;
    private final KnownContracts contracts;
    private final KpiFrameworks frameworks;

    public KpiFrameworkController(CommandGateway commands, KnownContracts contracts, KpiFrameworks frameworks) {
        this.commands = commands;
        this.contracts = contracts;
        this.frameworks = frameworks;
    }

    /** Defines the framework (201) or, where one exists, revises it from {@code effectiveFrom} on (200). */
    @PutMapping
    public ResponseEntity<FrameworkResponse> put(@PathVariable UUID contractId,
                                                 @Valid @RequestBody FrameworkRequest request) {
        String id = contractId.toString();
        KnownContract contract = known(id);
        List<KpiDefinition> kpis = kpis(request, contract);
        String template = request.fromTemplate() ? contract.serviceArea() : null;
        boolean defining = !frameworks.of(id).defined();
        try {
            if (defining) {
                commands.sendAndWait(new DefineKpiFrameworkCommand(id, request.effectiveFrom(), kpis, template));
            } else {
                commands.sendAndWait(new ReviseKpiFrameworkCommand(id, request.effectiveFrom(), kpis, template));
            }
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new StateConflictException("framework-changed-concurrently", "CHANGED", "The framework of contract "
                    + id + " was changed at the same time; read it again and retry");
        }
        FrameworkHistory history = frameworks.of(id);
        KpiFrameworkVersion written = history.latest().orElseThrow();
        FrameworkResponse body = FrameworkResponse.of(id, written, history);
        return defining
                ? ResponseEntity.created(URI.create("/api/kpi/contracts/" + id + "/framework")).body(body)
                : ResponseEntity.ok(body);
    }

    /** The version in force in {@code period} (yyyy-MM), or the latest version without a period. */
    @GetMapping
    public FrameworkResponse get(@PathVariable UUID contractId,
                                 @RequestParam(required = false) java.time.YearMonth period) {
        String id = contractId.toString();
        known(id);
        FrameworkHistory history = frameworks.of(id);
        if (!history.defined()) {
            throw new NotFoundException("Contract " + id + " has no KPI framework yet");
        }
        KpiFrameworkVersion version = period == null ? history.latest().orElseThrow()
                : history.inForce(period).orElseThrow(() -> new NotFoundException("No KPI framework of contract " + id
                + " is in force in " + period + "; the first version is effective from "
                + history.versions().get(0).effectiveFrom()));
        return FrameworkResponse.of(id, version, history);
    }

    private KnownContract known(String id) {
        return contracts.require(id);
    }

    private static List<KpiDefinition> kpis(FrameworkRequest request, KnownContract contract) {
        boolean given = request.kpis() != null && !request.kpis().isEmpty();
        if (request.fromTemplate()) {
            if (given) {
                throw new RuleViolationException("template-or-kpis", "kpis",
                        "Give either the KPIs or fromTemplate, not both");
            }
            List<KpiDefinition> template = KpiTemplates.forServiceArea(contract.serviceArea());
            if (template.isEmpty()) {
                throw new RuleViolationException("template-empty", "fromTemplate", "There is no KPI template for "
                        + contract.serviceArea() + " yet; give the KPIs");
            }
            return template;
        }
        if (!given) {
            return List.of();
        }
        List<KpiDefinition> kpis = new ArrayList<>();
        for (int i = 0; i < request.kpis().size(); i++) {
            FrameworkRequest.KpiRequest kpi = request.kpis().get(i);
            List<Band> bands = new ArrayList<>();
            List<FrameworkRequest.BandRequest> requested = kpi.bands() == null ? List.of() : kpi.bands();
            for (int j = 0; j < requested.size(); j++) {
                FrameworkRequest.BandRequest band = requested.get(j);
                String at = "kpis[" + i + "].bands[" + j + "]";
                bands.add(new Band(band.rating(), band.lower(), flag(band.lower(), band.lowerInclusive(), at + ".lowerInclusive"),
                        band.upper(), flag(band.upper(), band.upperInclusive(), at + ".upperInclusive")));
            }
            kpis.add(new KpiDefinition(kpi.code(), kpi.name(), kpi.unit(), kpi.direction(), bands, kpi.headline(),
                    kpi.expectedSource(), kpi.tolerance()));
        }
        return kpis;
    }

    /** A bound's inclusive flag is explicit: "90-94" is read differently by different people. */
    private static boolean flag(java.math.BigDecimal bound, Boolean inclusive, String field) {
        if (bound != null && inclusive == null) {
            throw new RuleViolationException("band-inclusivity-required", field,
                    "Say whether the bound " + bound.toPlainString() + " itself is in the band (true or false)");
        }
        return bound != null && inclusive;
    }
}
