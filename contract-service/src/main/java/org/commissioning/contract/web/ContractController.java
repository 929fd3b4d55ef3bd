package org.commissioning.contract.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractHistoryQuery;
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.contract.api.ListContractsQuery;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.RegisterContractCommand;
import org.commissioning.contract.api.ServiceArea;
import org.commissioning.contract.application.ContractChanged;
import org.commissioning.contract.application.ContractHistory;
import org.commissioning.contract.application.FindContract;
import org.commissioning.contract.application.ListContracts;
import org.commissioning.contract.application.RegisterContract;
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
@RequiredArgsConstructor
public class ContractController {

    private final RegisterContract registration;
    private final FindContract contract;
    private final ListContracts contracts;
    private final ContractHistory history;

    /** Registers under the {@code contractId} given, or a new one. */
    @PostMapping
    public ResponseEntity<ChangeResponse> register(@Valid @RequestBody RegisterContractRequest request) {
        String id = Optional.ofNullable(request.contractId()).orElseGet(UUID::randomUUID).toString();
        ContractChanged registered = registration.register(new RegisterContractCommand(id, request.provider(),
                request.serviceArea(), new Lot(request.lot().scope(), request.lot().names()),
                request.annualValueGbp(), request.start(), request.end(), request.extensionMonths()));
        return ResponseEntity.created(URI.create("/api/contracts/" + id)).eTag(IfMatch.etag(registered.version()))
                .body(ChangeResponse.of(registered));
    }

    /**
     * The contract's current state; its ETag is its version, the {@code If-Match} of a change. With {@code asOf}, its
     * state as it stood then, without an ETag: a past version is no {@code If-Match} for a change.
     */
    @GetMapping("/{contractId}")
    public ResponseEntity<ContractSummary> find(@PathVariable UUID contractId,
                                                @RequestParam(required = false) String asOf) {
        ContractSummary found = contract.find(new FindContractQuery(contractId.toString()), asOf);
        return asOf == null ? ResponseEntity.ok().eTag(IfMatch.etag(found.version())).body(found)
                : ResponseEntity.ok(found);
    }

    @GetMapping
    public List<ContractSummary> list(@RequestParam(required = false) ServiceArea serviceArea,
                                      @RequestParam(required = false) String area,
                                      @RequestParam(required = false) String district,
                                      @RequestParam(required = false) ContractStatus status,
                                      @RequestParam(required = false) String provider,
                                      @RequestParam(required = false) String rag) {
        return contracts.list(new ListContractsQuery(serviceArea, area, district, status, provider, rag));
    }

    /** The contract's lifecycle in order: one entry per stored event (with {@code asOf}, those stored by then). */
    @GetMapping("/{contractId}/history")
    public List<ContractHistoryEntry> history(@PathVariable UUID contractId,
                                              @RequestParam(required = false) String asOf) {
        return history.history(new ContractHistoryQuery(contractId.toString()), asOf);
    }
}
