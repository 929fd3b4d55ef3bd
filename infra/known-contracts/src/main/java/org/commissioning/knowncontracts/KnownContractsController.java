package org.commissioning.knowncontracts;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.security.Permission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contracts a service knows, as registered in contract-service, under the service's own prefix
 * ({@code known-contracts.api-prefix}, e.g. {@code /api/kpi}): {@code GET <prefix>/contracts} and
 * {@code GET <prefix>/contracts/{contractId}} (404 for one not known, 400 naming {@code contractId} for one that is
 * not a UUID). Both read {@link Permission#READ_SUMMARIES}: the list holds only the contracts the caller may see,
 * and another provider's contract is the 404 of one not known.
 */
@RestController
@RequestMapping("${known-contracts.api-prefix}/contracts")
@RequiredArgsConstructor
public class KnownContractsController {

    private final KnownContracts contracts;

    @GetMapping
    public List<KnownContract> list() {
        return contracts.visibleTo(Permission.READ_SUMMARIES);
    }

    @GetMapping("/{contractId}")
    public KnownContract find(@PathVariable UUID contractId) {
        return contracts.requireFor(Permission.READ_SUMMARIES, contractId.toString());
    }
}
