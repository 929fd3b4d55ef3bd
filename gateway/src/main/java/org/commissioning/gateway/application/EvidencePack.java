package org.commissioning.gateway.application;

import java.time.Instant;

/** A contract's evidence pack as of an instant: the zip's bytes. */
public record EvidencePack(String contractId, Instant asOf, byte[] zip) {

    /** {@code evidence-<contractId>-<asOf>.zip} */
    public String fileName() {
        return "evidence-" + contractId + "-" + asOf + ".zip";
    }
}
