package org.commissioning.platform.evidence;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A context's evidence part under the service's own API prefix ({@code platform.evidence.api-prefix}). */
@RestController
@RequestMapping("${platform.evidence.api-prefix}/contracts/{contractId}/evidence")
public class EvidenceController {

    private final EvidenceParts parts;

    public EvidenceController(EvidenceParts parts) {
        this.parts = parts;
    }

    @GetMapping
    public EvidencePart part(@PathVariable String contractId, @RequestParam(required = false) String asOf) {
        return parts.part(contractId, asOf);
    }
}
