package org.commissioning.deepdive.application;

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

    private final EventStore eventStore;

    Optional<DeepDiveRecord> find(String contractId, int programmeYear) {
        Fold fold = new Fold();
        eventStore.readEvents(DeepDiveCommands.id(contractId, programmeYear), 0L).asStream().forEach(fold::apply);
        return Optional.ofNullable(fold.record());
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
