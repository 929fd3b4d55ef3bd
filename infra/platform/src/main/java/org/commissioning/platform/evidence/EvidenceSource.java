package org.commissioning.platform.evidence;

import java.time.Instant;

/**
 * A context's share of a contract's evidence pack. A service that has one declares it as a bean; the platform serves
 * it at {@code <platform.evidence.api-prefix>/contracts/{contractId}/evidence?asOf=} after checking the caller's
 * permission (AUDIT) and the instant, and adds the history chain of the streams it names.
 * <p>
 * Everything rendered follows only from what the event store held at {@code asOf} (by stored event time), in a fixed
 * order, with no time of rendering in it: the same contract and instant always give the same bytes.
 */
public interface EvidenceSource {

    /** The context's name, the first segment of each of its files' names, e.g. {@code contract}. */
    String context();

    /** @throws RuntimeException the service's own not-found problem (404) when the contract is not known here */
    EvidenceContent evidence(String contractId, Instant asOf);
}
