package org.commissioning.gateway.integration;

import java.util.function.Consumer;

import org.commissioning.gateway.application.FollowPublishedEvents;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The dashboard's subscriptions, each with the group {@code gateway} (application.yml): {@code contractEvents} is
 * bound to {@code contracts.events.v1} as {@code contractEvents-in-0}, {@code ratingEvents} to
 * {@code ratings.events.v1} as {@code ratingEvents-in-0}, {@code deepDiveEvents} to {@code deepdives.events.v1} as
 * {@code deepDiveEvents-in-0}, {@code kpiEvents} to {@code kpi.events.v1} as {@code kpiEvents-in-0}. The platform drops redeliveries and applies each
 * contract's events of each topic in sequence order, holding a record that arrives ahead of its turn.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardConsumers {

    @Bean
    public Consumer<Message<byte[]>> contractEvents(IdempotentConsumers consumers, FollowPublishedEvents dashboard) {
        return consumers.bind("dashboard", dashboard.contractEvents());
    }

    @Bean
    public Consumer<Message<byte[]>> ratingEvents(IdempotentConsumers consumers, FollowPublishedEvents dashboard) {
        return consumers.bind("dashboard-ratings", dashboard.ratingEvents());
    }

    @Bean
    public Consumer<Message<byte[]>> deepDiveEvents(IdempotentConsumers consumers, FollowPublishedEvents dashboard) {
        return consumers.bind("dashboard-deepdives", dashboard.deepDiveEvents());
    }

    @Bean
    public Consumer<Message<byte[]>> kpiEvents(IdempotentConsumers consumers, FollowPublishedEvents dashboard) {
        return consumers.bind("dashboard-kpi", dashboard.kpiEvents());
    }
}
