package org.commissioning.contract.web;

import java.time.YearMonth;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.application.AuthorisePayment;
import org.commissioning.contract.application.WithholdPayment;
import org.commissioning.contract.web.LifecycleRequests.PaymentDecision;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** A month's payment of a contract, authorised or withheld (as {@link ContractLifecycleController}). */
@RestController
@RequestMapping("/api/contracts/{contractId}/payments/{period}")
@RequiredArgsConstructor
public class PaymentController {

    private final AuthorisePayment authorisation;
    private final WithholdPayment withholding;

    @PostMapping("/authorisation")
    public ResponseEntity<ChangeResponse> authorise(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                                    @Valid @RequestBody PaymentDecision request,
                                                    ExpectedVersion expected) {
        return ChangeResponse.ok(authorisation.authorise(request.authorisation(contractId, period, expected)));
    }

    @PostMapping("/withholding")
    public ResponseEntity<ChangeResponse> withhold(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                                   @Valid @RequestBody PaymentDecision request, ExpectedVersion expected) {
        return ChangeResponse.ok(withholding.withhold(request.withholding(contractId, period, expected)));
    }
}
