package org.commissioning.rag.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import lombok.RequiredArgsConstructor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.commissioning.rag.api.Differences;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.RatingRecord;
import org.commissioning.rag.api.Rederivation;
import org.commissioning.rag.api.Rederivation.ProjectionMismatch;
import org.commissioning.rag.command.Rederiver;
import org.commissioning.rag.command.StreamRederiver;
import org.commissioning.rag.command.StreamRederiver.Stored;
import org.commissioning.rag.query.ContractsKnownHere;
import org.commissioning.rag.query.RatingHistoryProjection;
import org.springframework.stereotype.Service;

/**
 * The re-derivation check of a contract's ratings from the source of truth: the contract's stored event stream is
 * replayed and every rating decision taken again ({@link StreamRederiver}); the rating-history projection is compared
 * with the stored events entry by entry; and each computed rating of the projection is recomputed from the evidence
 * recorded with it ({@link Rederiver}, against the framework versions of the stream).
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
        // from sequence 0 rather than the latest snapshot, which would hide the events recorded before it
        List<? extends DomainEventMessage<?>> messages = eventStore.readEvents(contractId, 0L).asStream().toList();
        List<Stored> stream = messages.stream().map(RederiveRatings::stored).toList();
        List<RatingRecord> entries = history.entries(contractId, null);
        return Rederiver.check(contractId, entries, frameworks(stream))
                .withStore(stream.size(), StreamRederiver.check(contractId, stream),
                        compare(contractId, entries, storeEntries(messages, stream)));
    }

    private static Stored stored(DomainEventMessage<?> message) {
        try {
            Object payload = message.getPayload();
            return new Stored(message.getSequenceNumber(), StreamRederiver.type(payload), payload, null);
        } catch (RuntimeException e) {
            return new Stored(message.getSequenceNumber(), message.getPayloadType().getSimpleName()
                    .replaceFirst("Event$", ""), null, "cannot be read: " + e.getMessage());
        }
    }

    private static Map<Integer, FrameworkVersion> frameworks(List<Stored> stream) {
        Map<Integer, FrameworkVersion> frameworks = new TreeMap<>();
        stream.stream().filter(s -> s.payload() instanceof FrameworkRecordedEvent)
                .map(s -> ((FrameworkRecordedEvent) s.payload()).framework())
                .forEach(f -> frameworks.put(f.version(), f));
        return frameworks;
    }

    /** The history entry each readable stored event gives, by sequence number. */
    private static Map<Long, RatingRecord> storeEntries(List<? extends DomainEventMessage<?>> messages,
                                                       List<Stored> stream) {
        Map<Long, RatingRecord> store = new TreeMap<>();
        for (int i = 0; i < messages.size(); i++) {
            if (stream.get(i).payload() != null) {
                RatingHistoryProjection.entryOf(messages.get(i))
                        .ifPresent(entry -> store.put(entry.sequence(), entry));
            }
        }
        return store;
    }

    /** Every entry of the projection against the entry its stored event gives, matched by sequence number. */
    private static List<ProjectionMismatch> compare(String contractId, List<RatingRecord> projection,
                                                    Map<Long, RatingRecord> store) {
        Map<Long, List<RatingRecord>> projected = new TreeMap<>();
        projection.forEach(p -> projected.computeIfAbsent(p.sequence(), k -> new ArrayList<>()).add(p));
        List<ProjectionMismatch> mismatches = new ArrayList<>();
        TreeSet<Long> sequences = new TreeSet<>(store.keySet());
        sequences.addAll(projected.keySet());
        for (long sequence : sequences) {
            RatingRecord stored = store.get(sequence);
            List<RatingRecord> entries = projected.getOrDefault(sequence, List.of());
            if (entries.isEmpty()) {
                mismatches.add(new ProjectionMismatch(contractId, sequence, stored.type(), null, null, stored));
            }
            for (int i = 0; i < entries.size(); i++) {
                RatingRecord entry = entries.get(i);
                if (stored == null || i > 0) {
                    mismatches.add(new ProjectionMismatch(contractId, sequence, entry.type(), null, entry, null));
                } else {
                    Differences.between(entry, stored).forEach(d -> mismatches.add(new ProjectionMismatch(
                            contractId, sequence, entry.type(), d.field(), d.left(), d.right())));
                }
            }
        }
        return mismatches;
    }
}
