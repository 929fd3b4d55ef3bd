package org.commissioning.platform.evidence;

import java.time.Instant;
import java.util.List;

/** A context's share of a contract's evidence pack as it is served: the gateway puts the parts together in a zip. */
public record EvidencePart(String context, String contractId, Instant asOf, List<EvidenceFile> files, String readme) {
}
