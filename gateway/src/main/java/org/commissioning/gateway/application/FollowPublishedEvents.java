package org.commissioning.gateway.application;

import java.util.function.BiConsumer;

import lombok.RequiredArgsConstructor;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractExpired;
import org.commissioning.events.contracts.v1.ContractRecommissioned;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.commissioning.events.contracts.v1.MonitoringMeetingHeld;
import org.commissioning.events.contracts.v1.MonitoringMeetingOverdue;
import org.commissioning.events.deepdives.v1.DeepDiveCancelled;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDiveOverdue;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.events.deepdives.v1.DeepDiveScheduled;
import org.commissioning.events.deepdives.v1.DeepDiveStarted;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.events.kpi.v1.ReturnOverdue;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.events.ratings.v1.PerformanceNoticeConfirmed;
import org.commissioning.events.ratings.v1.PerformanceNoticeOverdue;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.events.ratings.v1.RagOverridden;
import org.commissioning.events.ratings.v1.TrajectoryAssessed;
import org.commissioning.gateway.api.DashboardRowChanged;
import org.commissioning.gateway.query.DashboardProjection;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The dashboard follows what the contracts' owners publish: each contract's lifecycle on {@code contracts.events.v1}
 * (its registration, its end, its monitoring cadence and meetings), its ratings on {@code ratings.events.v1} (its
 * overall rating, the latest rated month and why, where the rating is heading), its deep dives on
 * {@code deepdives.events.v1} (each programme year's status, due date and grade) and its returns on
 * {@code kpi.events.v1} (the months overdue). Each topic numbers a contract's events on its own,
 * so each has its own handlers; an event of another type is ignored.
 * Once the projection has applied an event to a contract's row, a {@link DashboardRowChanged} is published in the
 * application (open pages follow it); an event the projection failed to apply publishes nothing.
 */
@Service
@RequiredArgsConstructor
public class FollowPublishedEvents {

    /** The dashboard's read model, as {@code read_models} and {@code /actuator/rebuild} name it. */
    public static final String READ_MODEL = DashboardProjection.COLLECTION;

    private final DashboardProjection projection;
    private final ApplicationEventPublisher changes;

    /** The same handlers writing {@code collection}, as a rebuild does, publishing no row changes. */
    public FollowPublishedEvents writingTo(String collection) {
        return new FollowPublishedEvents(projection.writingTo(collection), event -> { });
    }

    public IntegrationEventHandlers contractEvents() {
        return published()
                .on(ContractRegistered.class, projection::on)
                .on(ContractTerminated.class, projection::on)
                .on(ContractExpired.class, projection::on)
                .on(ContractRecommissioned.class, projection::on)
                .on(MonitoringCadenceChanged.class, projection::on)
                .on(MonitoringMeetingHeld.class, projection::on)
                .on(MonitoringMeetingOverdue.class, projection::on)
                .build();
    }

    public IntegrationEventHandlers ratingEvents() {
        return published()
                .on(RagChanged.class, projection::on)
                .on(ContractRated.class, projection::on)
                .on(RagOverridden.class, projection::on)
                .on(TrajectoryAssessed.class, projection::on)
                .on(PerformanceNoticeOverdue.class, projection::on)
                .on(PerformanceNoticeConfirmed.class, projection::on)
                .build();
    }

    public IntegrationEventHandlers kpiEvents() {
        return published()
                .on(ReturnOverdue.class, projection::on)
                .on(KpiSubmitted.class, projection::on)
                .build();
    }

    public IntegrationEventHandlers deepDiveEvents() {
        return published()
                .on(DeepDivePlanned.class, projection::on)
                .on(DeepDiveScheduled.class, projection::on)
                .on(DeepDiveStarted.class, projection::on)
                .on(DeepDiveCompleted.class, projection::on)
                .on(DeepDiveOverdue.class, projection::on)
                .on(DeepDiveCancelled.class, projection::on)
                .build();
    }

    /** Handlers whose every application to a row, once written, is published as a {@link DashboardRowChanged}. */
    private Published published() {
        return new Published();
    }

    private final class Published {

        private final IntegrationEventHandlers.Builder handlers = IntegrationEventHandlers.builder();

        <T> Published on(Class<T> type, BiConsumer<IntegrationEvent<?>, T> handler) {
            handlers.on(type, handler.andThen((event, data) -> changes.publishEvent(
                    new DashboardRowChanged(event.subject(), type.getSimpleName()))));
            return this;
        }

        IntegrationEventHandlers build() {
            return handlers.build();
        }
    }
}
