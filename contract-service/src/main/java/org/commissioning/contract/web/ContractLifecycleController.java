package org.commissioning.contract.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.AssignContractOfficersCommand;
import org.commissioning.contract.api.ExpireContractCommand;
import org.commissioning.contract.api.ExtendContractCommand;
import org.commissioning.contract.api.RecommissionContractCommand;
import org.commissioning.contract.api.TerminateContractCommand;
import org.commissioning.contract.api.VaryContractCommand;
import org.commissioning.contract.application.AssignContractOfficers;
import org.commissioning.contract.application.ExpireContract;
import org.commissioning.contract.application.ExtendContract;
import org.commissioning.contract.application.RecommissionContract;
import org.commissioning.contract.application.TerminateContract;
import org.commissioning.contract.application.VaryContract;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * The lifecycle of a contract: its terms, officers and end. Each change here, under {@code /plans}, {@code /warnings},
 * {@code /meetings} and {@code /payments}, accepts {@code If-Match: "<version>"} (refused with 412 when the contract
 * has moved on) and answers 200 with the contract's new version, also as its ETag. An unknown contract is 404, a
 * step its state does not allow 409 (naming the state), bad input 400.
 */
@RestController
@RequestMapping("/api/contracts/{contractId}")
@RequiredArgsConstructor
public class ContractLifecycleController {

    private final VaryContract variation;
    private final ExtendContract extension;
    private final AssignContractOfficers officers;
    private final TerminateContract termination;
    private final ExpireContract expiry;
    private final RecommissionContract recommissioning;

    @PostMapping("/variations")
    public ResponseEntity<ChangeResponse> vary(@PathVariable UUID contractId,
                                               @Valid @RequestBody LifecycleRequests.Variation request,
                                               ExpectedVersion expected) {
        return ChangeResponse.ok(variation.vary(new VaryContractCommand(contractId.toString(),
                expected.value(), request.annualValueGbp(), request.end(), request.effectiveDate(),
                request.reason())));
    }

    /** Without a body, as far as the extension option allows. */
    @PostMapping("/extension")
    public ResponseEntity<ChangeResponse> extend(@PathVariable UUID contractId,
                                                 @Valid @RequestBody(required = false) LifecycleRequests.Extension request,
                                                 ExpectedVersion expected) {
        LifecycleRequests.Extension body = request == null ? new LifecycleRequests.Extension(null, null) : request;
        return ChangeResponse.ok(extension.extend(new ExtendContractCommand(contractId.toString(),
                expected.value(), body.end(), body.reason())));
    }

    @PutMapping("/officers")
    public ResponseEntity<ChangeResponse> assignOfficers(@PathVariable UUID contractId,
                                                         @Valid @RequestBody LifecycleRequests.Officers request,
                                                         ExpectedVersion expected) {
        return ChangeResponse.ok(officers.assign(new AssignContractOfficersCommand(contractId.toString(),
                expected.value(), request.leadOfficer(), request.contractManager())));
    }

    @PostMapping("/termination")
    public ResponseEntity<ChangeResponse> terminate(@PathVariable UUID contractId,
                                                    @Valid @RequestBody LifecycleRequests.Termination request,
                                                    ExpectedVersion expected) {
        return ChangeResponse.ok(termination.terminate(new TerminateContractCommand(contractId.toString(),
                expected.value(), request.initiatedBy(), request.effectiveDate(), request.reason())));
    }

    @PostMapping("/expiry")
    public ResponseEntity<ChangeResponse> expire(@PathVariable UUID contractId, ExpectedVersion expected) {
        return ChangeResponse.ok(expiry.expire(new ExpireContractCommand(contractId.toString(), expected.value())));
    }

    @PostMapping("/recommissioning")
    public ResponseEntity<ChangeResponse> recommission(@PathVariable UUID contractId,
                                                       @Valid @RequestBody LifecycleRequests.Recommissioning request,
                                                       ExpectedVersion expected) {
        return ChangeResponse.ok(recommissioning.recommission(new RecommissionContractCommand(contractId.toString(),
                expected.value(), request.route(), request.annualValueGbp(),
                request.successorContractId() == null ? null : request.successorContractId().toString(),
                request.reason())));
    }
}
