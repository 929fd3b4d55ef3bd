package org.commissioning.knowncontracts;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contracts a service knows, as registered in contract-service, under the service's own prefix
 * ({@code known-contracts.api-prefix}, e.g. {@code /api/kpi}): {@code GET <prefix>/contracts} and
 * {@code GET <prefix>/contracts/{contractId}} (404 for one not known, 400 naming {@code contractId} for one that is
 * not a UUID).
 */
@RestController
@RequestMapping("${known-contracts.api-prefix}/contracts")
@RequiredArgsConstructor
public class KnownContractsController {

    private final KnownContracts contracts;

    @GetMapping
    public List<KnownContract> list() {
        return contracts.all();
    }

    @GetMapping("/{contractId}")
    public KnownContract find(@PathVariable UUID contractId) {
        return contracts.require(contractId.toString());
    }
}
