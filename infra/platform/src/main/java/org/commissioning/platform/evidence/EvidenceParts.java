package org.commissioning.platform.evidence;

import java.time.Instant;
import java.util.Optional;

import org.axonframework.eventhandling.GenericEventMessage;
import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.history.HistoryChainEvidence;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;

/** The use case behind a context's evidence part: permission AUDIT, then the instant, then the source and its chain. */
public class EvidenceParts {

    private final EvidenceSource source;
    private final Optional<HistoryChainEvidence> chain;

    public EvidenceParts(EvidenceSource source, Optional<HistoryChainEvidence> chain) {
        this.source = source;
        this.chain = chain;
    }

    /** @param asOf the instant as the caller wrote it, or null for now (to the second) */
    public EvidencePart part(String contractId, String asOf) {
        Access.require(Permission.AUDIT);
        Instant instant = AsOf.parseOrNow(asOf, GenericEventMessage.clock);
        EvidenceContent content = source.evidence(contractId, instant);
        EvidenceContent withChain = chain.map(c -> content.followedBy(
                c.evidence(source.context(), content.streams(), instant))).orElse(content);
        return new EvidencePart(source.context(), contractId, instant, withChain.files(), withChain.readme());
    }
}
