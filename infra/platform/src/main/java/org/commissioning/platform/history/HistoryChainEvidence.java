package org.commissioning.platform.history;

import java.time.Instant;
import java.util.List;

import org.commissioning.platform.evidence.EvidenceFile;

/** The history chain of a contract's streams as of an instant, as files of its evidence pack. */
public class HistoryChainEvidence {

    private final HistoryChainAudit audit;

    public HistoryChainEvidence(HistoryChainAudit audit) {
        this.audit = audit;
    }

    /** Files under {@code <context>/chain/}: each stream's lines and their verification, as of {@code asOf}. */
    public List<EvidenceFile> files(String context, List<String> streams, Instant asOf) {
        return List.of();
    }
}
