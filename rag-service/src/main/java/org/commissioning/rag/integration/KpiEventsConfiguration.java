package org.commissioning.rag.integration;

import java.util.function.Consumer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.events.kpi.v1.KpiCorrected;
import org.commissioning.events.kpi.v1.KpiDiscrepancyFlagged;
import org.commissioning.events.kpi.v1.KpiDiscrepancyResolved;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiFrameworkRevised;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.commissioning.rag.api.RecordFrameworkCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code kpi.events.v1} (binding {@code kpiEvents-in-0}) into commands on the contract's
 * {@code ContractRating}: framework versions are recorded, each value of a contract's total is rated, and a
 * discrepancy on a value of the total makes the ratings resting on it provisional until it is resolved.
 * The platform's consumer drops redelivered event ids; the aggregate ignores a figure it already holds, so an
 * event handled just before a crash and delivered again changes nothing either.
 */
@Configuration(proxyBeanMethods = false)
public class KpiEventsConfiguration {

    @Bean
    public Consumer<Message<byte[]>> kpiEvents(IdempotentConsumers consumers, CommandGateway commands) {
        return consumers.bind("kpi-events", IntegrationEventHandlers.builder()
                .on(KpiFrameworkDefined.class, (event, e) -> commands.sendAndWait(new RecordFrameworkCommand(
                        e.contractId(), KpiEventsTranslator.framework(e.version(), e.effectiveFrom(), e.kpis()))))
                .on(KpiFrameworkRevised.class, (event, e) -> commands.sendAndWait(new RecordFrameworkCommand(
                        e.contractId(), KpiEventsTranslator.framework(e.version(), e.effectiveFrom(), e.kpis()))))
                .on(KpiSubmitted.class, (event, e) -> KpiEventsTranslator.rate(e).ifPresent(commands::sendAndWait))
                .on(KpiCorrected.class, (event, e) -> KpiEventsTranslator.rate(e).ifPresent(commands::sendAndWait))
                .on(KpiDiscrepancyFlagged.class,
                        (event, e) -> KpiEventsTranslator.flag(e).ifPresent(commands::sendAndWait))
                .on(KpiDiscrepancyResolved.class,
                        (event, e) -> KpiEventsTranslator.resolve(e).ifPresent(commands::sendAndWait))
                .build());
    }
}
