package org.commissioning.contract.web;

import org.commissioning.contract.application.ContractChanged;
import org.springframework.http.ResponseEntity;

/** The answer to a registration or a change: the contract and its version after it, also as the ETag. */
public record ChangeResponse(String contractId, long version) {

    static ResponseEntity<ChangeResponse> ok(ContractChanged changed) {
        return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(of(changed));
    }

    static ChangeResponse of(ContractChanged changed) {
        return new ChangeResponse(changed.contractId(), changed.version());
    }
}
