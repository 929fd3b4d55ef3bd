package org.commissioning.rag.integration;

import java.util.function.Consumer;

import org.commissioning.events.kpi.v1.KpiCorrected;
import org.commissioning.events.kpi.v1.KpiDiscrepancyFlagged;
import org.commissioning.events.kpi.v1.KpiDiscrepancyResolved;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiFrameworkRevised;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.commissioning.rag.application.RateFromKpiEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code kpi.events.v1} (binding {@code kpiEvents-in-0}) into the use case {@link RateFromKpiEvents}:
 * framework versions are recorded, each value of a contract's total is rated (or re-rated when corrected), and a
 * discrepancy on a value of the total makes the ratings resting on it provisional until it is resolved.
 * The platform's consumer drops redelivered event ids; the aggregate ignores a figure it already holds, so an
 * event handled just before a crash and delivered again changes nothing either.
 */
@Configuration(proxyBeanMethods = false)
public class KpiEventsConfiguration {

    @Bean
    public Consumer<Message<byte[]>> kpiEvents(IdempotentConsumers consumers, RateFromKpiEvents ratings) {
        return consumers.bind("kpi-events", IntegrationEventHandlers.builder()
                .on(KpiFrameworkDefined.class, (event, e) -> ratings.apply(KpiEventsTranslator.framework(e)))
                .on(KpiFrameworkRevised.class, (event, e) -> ratings.apply(KpiEventsTranslator.framework(e)))
                .on(KpiSubmitted.class, (event, e) -> KpiEventsTranslator.rate(e).ifPresent(ratings::apply))
                .on(KpiCorrected.class, (event, e) -> KpiEventsTranslator.rate(e).ifPresent(ratings::apply))
                .on(KpiDiscrepancyFlagged.class, (event, e) -> KpiEventsTranslator.flag(e).ifPresent(ratings::apply))
                .on(KpiDiscrepancyResolved.class,
                        (event, e) -> KpiEventsTranslator.resolve(e).ifPresent(ratings::apply))
                .build());
    }
}
