package org.commissioning.rag.application;

import java.util.Map;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.Rederivation;
import org.commissioning.rag.command.Rederiver;
import org.commissioning.rag.query.ContractsKnownHere;
import org.commissioning.rag.query.RatingHistoryProjection;
import org.springframework.stereotype.Service;

/**
 * The re-derivation check of a contract's recorded ratings: the history entries against the framework versions
 * read from the contract's own event stream (not from a projection, so every version a recorded rating names is
 * there even while the history projection catches up).
 */
@Service
@RequiredArgsConstructor
public class RederiveRatings {

    private final EventStore eventStore;
    private final RatingHistoryProjection history;
    private final ContractsKnownHere known;

    /**
     * For an auditor or an officer (403 for anyone else, a provider too); 404 for a contract neither known nor rated.
     */
    public Rederivation check(String contractId) {
        Access.require(Permission.AUDIT);
        known.require(contractId);
        return Rederiver.check(contractId, history.entries(contractId, null), frameworks(contractId));
    }

    /** From sequence 0 rather than the latest snapshot, which would hide the versions recorded before it. */
    private Map<Integer, FrameworkVersion> frameworks(String contractId) {
        Map<Integer, FrameworkVersion> frameworks = new TreeMap<>();
        eventStore.readEvents(contractId, 0L).asStream()
                .filter(m -> FrameworkRecordedEvent.class.equals(m.getPayloadType()))
                .map(m -> ((FrameworkRecordedEvent) m.getPayload()).framework())
                .forEach(f -> frameworks.put(f.version(), f));
        return frameworks;
    }
}
