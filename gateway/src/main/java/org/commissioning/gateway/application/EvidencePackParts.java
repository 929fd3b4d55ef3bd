package org.commissioning.gateway.application;

import java.util.List;

/** The parts of an evidence pack, in the pack's order: one owner per context. */
public record EvidencePackParts(List<EvidencePartOwner> inOrder) {

    public EvidencePackParts {
        inOrder = List.copyOf(inOrder);
        if (inOrder.stream().map(EvidencePartOwner::context).distinct().count() != inOrder.size()) {
            throw new IllegalArgumentException("two parts of one context: " + inOrder);
        }
    }
}
