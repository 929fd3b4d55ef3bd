package org.commissioning.deepdive.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.commissioning.deepdive.api.DeepDiveAction;
import org.commissioning.deepdive.api.DeepDiveAreaGradedEvent;
import org.commissioning.deepdive.api.DeepDiveCancelledEvent;
import org.commissioning.deepdive.api.DeepDiveCompletedEvent;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.commissioning.deepdive.api.DeepDiveScheduledEvent;
import org.commissioning.deepdive.api.DeepDiveStartedEvent;
import org.commissioning.deepdive.api.VariationRecommendedEvent;
import org.commissioning.deepdive.application.DeepDiveRecords.Stored;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.evidence.EvidenceCsv;
import org.commissioning.platform.evidence.EvidenceFile;
import org.commissioning.platform.evidence.EvidenceJson;

/**
 * The files of deepdive-service's share of a contract's evidence pack, each rendered from the deep dives' stored
 * events as the store held them at the pack's instant, deep dives by programme year (fixed order, nothing of the time
 * of rendering). The columns are named here once, for the files and for their README paragraphs
 * ({@link DeepDiveEvidence}).
 */
final class DeepDiveEvidenceFiles {

    static final List<String> DEEP_DIVES = List.of("programme_year", "stream", "provider", "districts", "status",
            "due_date", "scheduled_date", "lead_officer", "started_on", "completed_on", "overall_grade",
            "suggested_grade", "rationale", "historic", "source_reference", "variation_reason", "overdue_for",
            "cancellation_reason", "planned_at", "started_at", "completed_at", "completed_by", "completed_by_name",
            "cancelled_at", "last_sequence", "last_stored_at");
    static final List<String> AREAS = List.of("programme_year", "area_number", "area", "grade", "evidence",
            "findings", "variation_reason", "latest", "sequence", "graded_at", "graded_by", "graded_by_name");
    static final List<String> ACTIONS = List.of("programme_year", "action_number", "description", "owner",
            "due_date", "agreed_on", "sequence", "stored_at", "recorded_by", "recorded_by_name");
    static final List<String> HISTORY = List.of("programme_year", "sequence", "event_id", "stored_at", "type",
            "actor", "actor_name", "caused_by", "correlation_id", "reason");

    private DeepDiveEvidenceFiles() {
    }

    /**
     * A stored event as an auditor reads it: where it sits in its stream, when the store recorded it, who caused it.
     *
     * @param type the payload's class name without its package, e.g. {@code DeepDiveCompletedEvent}
     */
    record StoredEvent(String stream, long sequence, String eventId, Instant storedAt, String type, String actor,
                       String actorName, String causedBy, String correlationId, Object payload) {

        static StoredEvent of(DomainEventMessage<?> event) {
            return new StoredEvent(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getIdentifier(),
                    event.getTimestamp(), event.getPayloadType().getSimpleName(),
                    meta(event, CausationContext.ACTOR), meta(event, CausationContext.ACTOR_NAME),
                    meta(event, CausationContext.CAUSED_BY), meta(event, CausationContext.CORRELATION_ID),
                    event.getPayload());
        }

        private static String meta(DomainEventMessage<?> event, String key) {
            Object value = event.getMetaData().get(key);
            return value == null ? null : value.toString();
        }
    }

    record DeepDivesRecord(String contractId, List<DeepDiveEntry> deepDives) {
    }

    /** @param record the deep dive as it stood, as {@code GET .../deep-dives/{year}} would have answered then */
    record DeepDiveEntry(int programmeYear, String stream, DeepDiveRecord record, List<StoredEvent> events) {
    }

    static EvidenceFile deepDives(String name, List<Stored> stored) {
        List<List<?>> rows = new ArrayList<>();
        for (Stored s : stored) {
            DeepDiveRecord r = s.record();
            List<StoredEvent> events = events(s);
            Optional<StoredEvent> completed = first(events, DeepDiveCompletedEvent.class);
            StoredEvent last = events.get(events.size() - 1);
            rows.add(Arrays.asList(r.programmeYear(), r.deepDiveId(), r.provider(), String.join(";", r.districts()),
                    r.status(), r.dueDate(),
                    r.schedule().isEmpty() ? null : r.schedule().get(r.schedule().size() - 1).date(),
                    r.leadOfficer(), r.startedOn(), r.completedOn(), r.overallGrade(), r.suggestedGrade(),
                    r.rationale(), r.historic(), r.sourceReference(), r.variationReason(), r.overdueFor(),
                    r.cancellationReason(), events.get(0).storedAt(),
                    first(events, DeepDiveStartedEvent.class).map(StoredEvent::storedAt).orElse(null),
                    completed.map(StoredEvent::storedAt).orElse(null),
                    completed.map(StoredEvent::actor).orElse(null),
                    completed.map(StoredEvent::actorName).orElse(null),
                    first(events, DeepDiveCancelledEvent.class).map(StoredEvent::storedAt).orElse(null),
                    last.sequence(), last.storedAt()));
        }
        return EvidenceCsv.table(name, DEEP_DIVES, rows);
    }

    static EvidenceFile areas(String name, List<Stored> stored) {
        List<List<?>> rows = new ArrayList<>();
        for (Stored s : stored) {
            List<StoredEvent> gradings = events(s).stream()
                    .filter(e -> e.payload() instanceof DeepDiveAreaGradedEvent)
                    .sorted(Comparator.comparingInt((StoredEvent e) -> graded(e).area().number())
                            .thenComparingLong(StoredEvent::sequence))
                    .toList();
            for (int i = 0; i < gradings.size(); i++) {
                StoredEvent event = gradings.get(i);
                DeepDiveAreaGradedEvent e = graded(event);
                boolean latest = i == gradings.size() - 1 || graded(gradings.get(i + 1)).area() != e.area();
                rows.add(Arrays.asList(s.programmeYear(), e.area().number(), e.area().name(), e.grade(),
                        e.evidence(), e.findings(), e.variationReason(), latest, event.sequence(), event.storedAt(),
                        event.actor(), event.actorName()));
            }
        }
        return EvidenceCsv.table(name, AREAS, rows);
    }

    static EvidenceFile actions(String name, List<Stored> stored) {
        List<List<?>> rows = new ArrayList<>();
        for (Stored s : stored) {
            Optional<StoredEvent> completion = first(events(s), DeepDiveCompletedEvent.class);
            if (completion.isEmpty()) {
                continue;
            }
            StoredEvent event = completion.get();
            DeepDiveCompletedEvent e = (DeepDiveCompletedEvent) event.payload();
            for (int i = 0; i < e.actions().size(); i++) {
                DeepDiveAction action = e.actions().get(i);
                rows.add(Arrays.asList(s.programmeYear(), i + 1, action.description(), action.owner(),
                        action.dueDate(), e.completedOn(), event.sequence(), event.storedAt(), event.actor(),
                        event.actorName()));
            }
        }
        return EvidenceCsv.table(name, ACTIONS, rows);
    }

    static EvidenceFile history(String name, List<Stored> stored) {
        List<List<?>> rows = new ArrayList<>();
        for (Stored s : stored) {
            for (StoredEvent e : events(s)) {
                rows.add(Arrays.asList(s.programmeYear(), e.sequence(), e.eventId(), e.storedAt(), e.type(),
                        e.actor(), e.actorName(), e.causedBy(), e.correlationId(), reason(e.payload())));
            }
        }
        return EvidenceCsv.table(name, HISTORY, rows);
    }

    static EvidenceFile json(String name, String contractId, List<Stored> stored) {
        return EvidenceJson.record(name, new DeepDivesRecord(contractId, stored.stream()
                .map(s -> new DeepDiveEntry(s.programmeYear(), s.record().deepDiveId(), s.record(), events(s)))
                .toList()));
    }

    /** Why, as the event records it; null for an event that carries no reason. */
    static String reason(Object payload) {
        if (payload instanceof DeepDiveScheduledEvent e) {
            return e.reason();
        }
        if (payload instanceof DeepDiveAreaGradedEvent e) {
            return e.variationReason();
        }
        if (payload instanceof DeepDiveCompletedEvent e) {
            return e.historic() ? e.sourceReference() : e.rationale();
        }
        if (payload instanceof VariationRecommendedEvent e) {
            return e.reason();
        }
        if (payload instanceof DeepDiveCancelledEvent e) {
            return e.reason();
        }
        return null;
    }

    private static List<StoredEvent> events(Stored stored) {
        return stored.events().stream().map(StoredEvent::of).toList();
    }

    private static Optional<StoredEvent> first(List<StoredEvent> events, Class<?> type) {
        return events.stream().filter(e -> type.isInstance(e.payload())).findFirst();
    }

    private static DeepDiveAreaGradedEvent graded(StoredEvent event) {
        return (DeepDiveAreaGradedEvent) event.payload();
    }
}
