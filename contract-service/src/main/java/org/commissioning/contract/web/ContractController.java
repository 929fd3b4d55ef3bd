package org.commissioning.contract.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.contract.api.ListContractsQuery;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.RegisterContractCommand;
import org.commissioning.contract.api.ServiceArea;
import org.commissioning.platform.domain.NotFoundException;
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
    public ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterContractRequest request) {
        String id = Optional.ofNullable(request.contractId()).orElseGet(UUID::randomUUID).toString();
        try {
            commands.sendAndWait(new RegisterContractCommand(id, request.provider(), request.serviceArea(),
                    new Lot(request.lot().scope(), request.lot().names()), request.annualValueGbp(),
                    request.start(), request.end()));
        } catch (AggregateStreamCreationException e) {
            throw new StateConflictException("REGISTERED", "Contract " + id + " is already registered");
        }
        return ResponseEntity.created(URI.create("/api/contracts/" + id)).body(Map.of("contractId", id));
    }

    @GetMapping("/{contractId}")
    public ContractSummary find(@PathVariable UUID contractId) {
        return queries.query(new FindContractQuery(contractId.toString()),
                        ResponseTypes.optionalInstanceOf(ContractSummary.class)).join()
                .orElseThrow(() -> new NotFoundException("No contract " + contractId));
    }

    @GetMapping
    public List<ContractSummary> list(@RequestParam(required = false) ServiceArea serviceArea) {
        return queries.query(new ListContractsQuery(serviceArea),
                ResponseTypes.multipleInstancesOf(ContractSummary.class)).join();
    }
}
