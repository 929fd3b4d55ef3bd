package org.commissioning.contract.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractHistoryQuery;
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.contract.api.Geography;
import org.commissioning.contract.api.ListContractsQuery;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.RegisterContractCommand;
import org.commissioning.contract.api.ServiceArea;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** Registering contracts and reading them: the current state (with its version as ETag), lists, the history. */
@RestController
@RequestMapping("/api/contracts")
public class ContractController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public ContractController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody RegisterContractRequest request) {
        String id = Optional.ofNullable(request.contractId()).orElseGet(UUID::randomUUID).toString();
        try {
            commands.sendAndWait(new RegisterContractCommand(id, request.provider(), request.serviceArea(),
                    new Lot(request.lot().scope(), request.lot().names()), request.annualValueGbp(),
                    request.start(), request.end(), request.extensionMonths()));
        } catch (AggregateStreamCreationException e) {
            throw new StateConflictException("contract-registered-once", "REGISTERED",
                    "Contract " + id + " is already registered");
        }
        return ResponseEntity.created(URI.create("/api/contracts/" + id)).eTag(IfMatch.etag(0))
                .body(Map.of("contractId", id, "version", 0L));
    }

    /** The contract's current state; its ETag is its version, the {@code If-Match} of a change. */
    @GetMapping("/{contractId}")
    public ResponseEntity<ContractSummary> find(@PathVariable UUID contractId) {
        ContractSummary contract = queries.query(new FindContractQuery(contractId.toString()),
                        ResponseTypes.optionalInstanceOf(ContractSummary.class)).join()
                .orElseThrow(() -> new NotFoundException("No contract " + contractId));
        return ResponseEntity.ok().eTag(IfMatch.etag(contract.version())).body(contract);
    }

    @GetMapping
    public List<ContractSummary> list(@RequestParam(required = false) ServiceArea serviceArea,
                                      @RequestParam(required = false) String area,
                                      @RequestParam(required = false) String district,
                                      @RequestParam(required = false) ContractStatus status,
                                      @RequestParam(required = false) String provider,
                                      @RequestParam(required = false) String rag) {
        if (area != null && !Geography.areas().contains(area)) {
            throw new RuleViolationException("unknown-area", "area", "Unknown area " + area + "; known: " + Geography.areas());
        }
        if (district != null && !Geography.districts().contains(district)) {
            throw new RuleViolationException("unknown-district", "district",
                    "Unknown district " + district + "; known: " + Geography.districts());
        }
        return queries.query(new ListContractsQuery(serviceArea, area, district, status, blankToNull(provider),
                        rag == null || rag.isBlank() ? null : rag.trim().toUpperCase()),
                ResponseTypes.multipleInstancesOf(ContractSummary.class)).join();
    }

    /** The contract's lifecycle in order: one entry per stored event. */
    @GetMapping("/{contractId}/history")
    public List<ContractHistoryEntry> history(@PathVariable UUID contractId) {
        List<ContractHistoryEntry> history = queries.query(new ContractHistoryQuery(contractId.toString()),
                ResponseTypes.multipleInstancesOf(ContractHistoryEntry.class)).join();
        if (history.isEmpty()) {
            throw new NotFoundException("No contract " + contractId);
        }
        return history;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
