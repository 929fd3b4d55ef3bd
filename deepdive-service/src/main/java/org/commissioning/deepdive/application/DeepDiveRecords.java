package org.commissioning.deepdive.application;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.commissioning.deepdive.api.Area;
import org.commissioning.deepdive.api.DeepDiveAction;
import org.commissioning.deepdive.api.DeepDiveAreaGradedEvent;
import org.commissioning.deepdive.api.DeepDiveCancelledEvent;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveCompletedEvent;
import org.commissioning.deepdive.api.DeepDiveOverdueEvent;
import org.commissioning.deepdive.api.DeepDivePlannedEvent;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.commissioning.deepdive.api.DeepDiveRecord.AreaRecord;
import org.commissioning.deepdive.api.DeepDiveRecord.Scheduling;
import org.commissioning.deepdive.api.DeepDiveScheduledEvent;
import org.commissioning.deepdive.api.DeepDiveStartedEvent;
import org.commissioning.deepdive.api.DeepDiveStatus;
import org.commissioning.deepdive.api.Grade;
import org.commissioning.deepdive.command.SuggestedGrade;
import org.commissioning.platform.axon.StreamPrefix;
import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.domain.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A deep dive's full record, read from the event store (the source of truth, so an answer right after a write shows
 * that write and never rests on a projection still catching up).
 */
@Component
@RequiredArgsConstructor
class DeepDiveRecords {

    /** How Axon names the deep dive's aggregate type on each stored event ({@code command.DeepDive}). */
    private static final String DEEP_DIVE_TYPE = "DeepDive";
    private static final String STREAM = "aggregateIdentifier";

    private final EventStore eventStore;
    private final MongoTemplate axonMongo;

    /**
     * A deep dive's stream as the store held it at an instant: its record folded from those events (null before it
     * was planned) and the events themselves, in sequence order.
     */
    record Stored(int programmeYear, DeepDiveRecord record, List<DomainEventMessage<?>> events) {
    }

    Optional<DeepDiveRecord> find(String contractId, int programmeYear) {
        return Optional.ofNullable(asOf(contractId, programmeYear, null).record());
    }

    /** The deep dive's stream as of {@code asOf} (null: now); no events when nothing of it had been stored by then. */
    Stored asOf(String contractId, int programmeYear, Instant asOf) {
        List<DomainEventMessage<?>> events = AsOf.of(eventStore.readEvents(DeepDiveCommands.id(contractId,
                programmeYear), 0L), asOf);
        Fold fold = new Fold();
        events.forEach(fold::apply);
        return new Stored(programmeYear, fold.record(), events);
    }

    /**
     * The programme years of every deep dive of the contract the event store holds, oldest first: read from the
     * store itself, not from the programme rows, so none is missing while the projection catches up.
     */
    List<Integer> years(String contractId) {
        String prefix = contractId + ":";
        List<Integer> years = new ArrayList<>();
        for (String stream : axonMongo.eventCollection().distinct(STREAM,
                and(eq("type", DEEP_DIVE_TYPE), StreamPrefix.startsWith(STREAM, prefix)), String.class)) {
            try {
                years.add(Integer.parseInt(stream.substring(prefix.length())));
            } catch (NumberFormatException e) {
                // not a deep dive of this contract (another id that starts with this one's and a colon)
            }
        }
        return years.stream().distinct().sorted().toList();
    }

    /** @throws NotFoundException (404) where the contract has no deep dive in the year */
    DeepDiveRecord require(String contractId, int programmeYear) {
        return find(contractId, programmeYear).orElseThrow(() -> new NotFoundException("Contract " + contractId
                + " has no deep dive in the programme of " + programmeYear));
    }

    /** The record, event by event. */
    private static final class Fold {

        private DeepDivePlannedEvent planned;
        private DeepDiveStatus lifecycle;
        private LocalDate dueDate;
        private String leadOfficer;
        private final List<Scheduling> schedule = new ArrayList<>();
        private LocalDate startedOn;
        private final Map<Area, AreaRecord> areas = new EnumMap<>(Area.class);
        private DeepDiveCompletedEvent completed;
        private String completedBy;
        private LocalDate overdueFor;
        private String cancellationReason;
        private long version;

        void apply(DomainEventMessage<?> message) {
            version = message.getSequenceNumber();
            Object payload = message.getPayload();
            Instant at = message.getTimestamp();
            String actor = actor(message);
            if (payload instanceof DeepDivePlannedEvent e) {
                planned = e;
                lifecycle = DeepDiveStatus.PLANNED;
                dueDate = e.dueDate();
            } else if (payload instanceof DeepDiveScheduledEvent e) {
                lifecycle = DeepDiveStatus.SCHEDULED;
                dueDate = e.date();
                leadOfficer = e.leadOfficer();
                schedule.add(new Scheduling(e.date(), e.leadOfficer(), e.previousDate(), e.reason(), at, actor));
            } else if (payload instanceof DeepDiveStartedEvent e) {
                lifecycle = DeepDiveStatus.IN_PROGRESS;
                startedOn = e.startedOn();
                leadOfficer = leadOfficer == null ? e.leadOfficer() : leadOfficer;
            } else if (payload instanceof DeepDiveAreaGradedEvent e) {
                areas.put(e.area(), new AreaRecord(e.area().number(), e.area(), e.area().title(), e.grade(),
                        e.evidence(), e.findings(), e.variationReason(), at, actor));
            } else if (payload instanceof DeepDiveCompletedEvent e) {
                lifecycle = DeepDiveStatus.COMPLETE;
                completed = e;
                completedBy = actor;
            } else if (payload instanceof DeepDiveOverdueEvent e) {
                overdueFor = e.dueDate();
            } else if (payload instanceof DeepDiveCancelledEvent e) {
                lifecycle = DeepDiveStatus.CANCELLED;
                cancellationReason = e.reason();
            }
        }

        DeepDiveRecord record() {
            if (planned == null) {
                return null;
            }
            List<Grade> grades = areas.values().stream().map(AreaRecord::grade).toList();
            Grade suggested = completed != null ? completed.suggestedGrade()
                    : grades.isEmpty() ? null : SuggestedGrade.of(grades);
            AreaRecord area9 = areas.get(Area.LESSONS_AND_VARIATION);
            return new DeepDiveRecord(planned.deepDiveId(), planned.contractId(), planned.programmeYear(),
                    planned.provider(), planned.districts(), DeepDiveStatus.shown(lifecycle, dueDate, overdueFor),
                    dueDate, leadOfficer, List.copyOf(schedule), startedOn, List.copyOf(areas.values()), suggested,
                    completed == null ? null : completed.overallGrade(),
                    completed == null ? null : completed.rationale(),
                    completed == null ? List.of() : completed.strengths(),
                    completed == null ? List.of() : completed.areasForImprovement(),
                    completed == null ? List.<DeepDiveAction>of() : completed.actions(),
                    completed == null ? null : completed.completedOn(), completedBy,
                    completed != null && completed.historic(),
                    completed == null ? null : completed.sourceReference(),
                    area9 == null ? null : area9.variationReason(), overdueFor, cancellationReason, version);
        }

        private static String actor(DomainEventMessage<?> message) {
            Object actor = message.getMetaData().get(CausationContext.ACTOR);
            return actor == null ? CausationContext.SYSTEM : actor.toString();
        }
    }
}
