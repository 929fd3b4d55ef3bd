package org.commissioning.gateway.dashboard;

import java.util.function.Consumer;

import org.commissioning.events.contracts.v1.ContractExpired;
import org.commissioning.events.contracts.v1.ContractRecommissioned;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.events.ratings.v1.TrajectoryAssessed;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The dashboard's subscriptions, each with the group {@code gateway} (application.yml): {@code contractEvents} is
 * bound to {@code contracts.events.v1} as {@code contractEvents-in-0}, {@code ratingEvents} to
 * {@code ratings.events.v1} as {@code ratingEvents-in-0}. The platform drops redeliveries and applies each
 * contract's events of each topic in sequence order, holding a record that arrives ahead of its turn.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardConsumers {

    @Bean
    public Consumer<Message<byte[]>> contractEvents(IdempotentConsumers consumers, DashboardProjection projection) {
        return consumers.bind("dashboard", IntegrationEventHandlers.builder()
                .on(ContractRegistered.class, projection::on)
                .on(ContractTerminated.class, projection::on)
                .on(ContractExpired.class, projection::on)
                .on(ContractRecommissioned.class, projection::on)
                .on(MonitoringCadenceChanged.class, projection::on)
                .build());
    }

    @Bean
    public Consumer<Message<byte[]>> ratingEvents(IdempotentConsumers consumers, DashboardProjection projection) {
        return consumers.bind("dashboard-ratings", IntegrationEventHandlers.builder()
                .on(RagChanged.class, projection::on)
                .on(ContractRated.class, projection::on)
                .on(TrajectoryAssessed.class, projection::on)
                .build());
    }
}
