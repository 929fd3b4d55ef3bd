package org.commissioning.contract.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ExpireContractCommand;
import org.commissioning.contract.application.AssignContractOfficers;
import org.commissioning.contract.application.ExpireContract;
import org.commissioning.contract.application.ExtendContract;
import org.commissioning.contract.application.RecommissionContract;
import org.commissioning.contract.application.TerminateContract;
import org.commissioning.contract.application.VaryContract;
import org.commissioning.contract.web.LifecycleRequests.Extension;
import org.commissioning.contract.web.LifecycleRequests.Officers;
import org.commissioning.contract.web.LifecycleRequests.Recommissioning;
import org.commissioning.contract.web.LifecycleRequests.Termination;
import org.commissioning.contract.web.LifecycleRequests.Variation;
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
 * step its state does not allow 409 (naming the state), bad input 400. Each body maps itself to its command
 * ({@link LifecycleRequests}).
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
    public ResponseEntity<ChangeResponse> vary(@PathVariable UUID contractId, @Valid @RequestBody Variation request,
                                               ExpectedVersion expected) {
        return ChangeResponse.ok(variation.vary(request.command(contractId, expected)));
    }

    /** Without a body, as far as the extension option allows. */
    @PostMapping("/extension")
    public ResponseEntity<ChangeResponse> extend(@PathVariable UUID contractId,
                                                 @Valid @RequestBody(required = false) Extension request,
                                                 ExpectedVersion expected) {
        return ChangeResponse.ok(extension.extend(Extension.command(request, contractId, expected)));
    }

    @PutMapping("/officers")
    public ResponseEntity<ChangeResponse> assignOfficers(@PathVariable UUID contractId,
                                                         @Valid @RequestBody Officers request, ExpectedVersion expected) {
        return ChangeResponse.ok(officers.assign(request.command(contractId, expected)));
    }

    @PostMapping("/termination")
    public ResponseEntity<ChangeResponse> terminate(@PathVariable UUID contractId,
                                                    @Valid @RequestBody Termination request, ExpectedVersion expected) {
        return ChangeResponse.ok(termination.terminate(request.command(contractId, expected)));
    }

    @PostMapping("/expiry")
    public ResponseEntity<ChangeResponse> expire(@PathVariable UUID contractId, ExpectedVersion expected) {
        return ChangeResponse.ok(expiry.expire(new ExpireContractCommand(contractId.toString(), expected.value())));
    }

    @PostMapping("/recommissioning")
    public ResponseEntity<ChangeResponse> recommission(@PathVariable UUID contractId,
                                                       @Valid @RequestBody Recommissioning request,
                                                       ExpectedVersion expected) {
        return ChangeResponse.ok(recommissioning.recommission(request.command(contractId, expected)));
    }
}
