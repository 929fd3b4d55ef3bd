package org.commissioning.platform.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.commissioning.platform.consumer.ConsumedEventStore;
import org.commissioning.platform.consumer.GapRecovery;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.platform.messaging.StreamBridgeIntegrationEventPublisher;
import org.commissioning.platform.web.CausationFilter;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every service gets: the event codec and publisher, idempotent consumption and its gap recovery, metrics,
 * problem details.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties(PlatformProperties.class)
@Import(ProblemDetailsAdvice.class)
@EnableScheduling
public class PlatformAutoConfiguration {

    /**
     * "Now" for the service: the system clock in the council's zone ({@code platform.clock.zone}, Europe/London), or
     * a fixed instant ({@code platform.clock.fixed=2018-06-01T09:00:00Z}) for a demonstration or a test set in the
     * past. Command handlers take the {@link Clock} as a parameter (Axon resolves it from this bean).
     */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock(@Value("${platform.clock.zone:Europe/London}") String zone,
                       @Value("${platform.clock.fixed:}") String fixed) {
        ZoneId zoneId = ZoneId.of(zone);
        return fixed.isBlank() ? Clock.system(zoneId) : Clock.fixed(Instant.parse(fixed), zoneId);
    }

    @Bean
    @ConditionalOnMissingBean
    public IntegrationEventCodec integrationEventCodec() {
        return new IntegrationEventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    public PlatformMetrics platformMetrics(MeterRegistry registry) {
        return new PlatformMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    public IntegrationEventPublisher integrationEventPublisher(StreamBridge streamBridge, IntegrationEventCodec codec) {
        return new StreamBridgeIntegrationEventPublisher(streamBridge, codec);
    }

    @Bean
    @ConditionalOnMissingBean
    public ConsumedEventStore consumedEventStore(MongoTemplate mongo) {
        return new ConsumedEventStore(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    public IdempotentConsumers idempotentConsumers(@Value("${spring.application.name}") String application,
                                                   ConsumedEventStore store, IntegrationEventCodec codec,
                                                   PlatformMetrics metrics) {
        return new IdempotentConsumers(application, store, codec, metrics);
    }

    /** Asks a stream's owner for the events its consumers miss ({@code platform.consumer.gap-timeout}). */
    @Bean
    @ConditionalOnMissingBean
    public GapRecovery gapRecovery(ConsumedEventStore store, ObjectProvider<IntegrationEventPublisher> publisher,
                                   PlatformMetrics metrics, Clock clock, PlatformProperties properties) {
        return new GapRecovery(store, publisher::getObject, metrics, clock, properties.consumer().gapTimeout(),
                properties.source());
    }

    @Bean
    public FilterRegistrationBean<CausationFilter> causationFilter() {
        FilterRegistrationBean<CausationFilter> registration = new FilterRegistrationBean<>(new CausationFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @ConditionalOnProperty("platform.parent-pid")
    public ParentProcessWatchdog parentProcessWatchdog(PlatformProperties properties) {
        return new ParentProcessWatchdog(properties.parentPid());
    }
}
