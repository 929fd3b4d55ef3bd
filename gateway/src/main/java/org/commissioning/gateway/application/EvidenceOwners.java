package org.commissioning.gateway.application;

import java.time.Instant;

import org.commissioning.platform.evidence.EvidencePart;

/** Asks the service that owns a context for its part of a contract's evidence pack, as the caller. */
public interface EvidenceOwners {

    /**
     * @throws OwnerRefused             the owner answered anything but 2xx (its answer is relayed as it came)
     * @throws org.springframework.web.ErrorResponseException the owner could not be reached or did not answer in time
     */
    EvidencePart part(EvidencePartOwner owner, String contractId, Instant asOf);
}
