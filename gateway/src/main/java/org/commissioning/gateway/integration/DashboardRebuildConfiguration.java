package org.commissioning.gateway.integration;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.commissioning.gateway.application.FollowPublishedEvents;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.readmodel.ReadModelCollections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The dashboard's rebuild from the topics and its operator endpoint ({@code /actuator/rebuild}): here, beside the
 * bindings it pauses, since the wiring to Kafka lives in the integration package.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardRebuildConfiguration {

    @Bean(destroyMethod = "shutdown")
    DashboardRebuild dashboardRebuild(ReadModelCollections collections, MongoTemplate mongo,
                                      FollowPublishedEvents dashboard, IdempotentConsumers consumers,
                                      IntegrationEventCodec codec, BindingsLifecycleController bindings,
                                      Environment environment, MeterRegistry registry,
                                      @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
                                      @Value("${spring.application.name}") String group,
                                      @Value("${platform.rebuild.log-every:5s}") Duration logEvery) {
        // the binder's own client settings (SASL in compose), so the rebuild's consumer connects as the live ones do
        Map<String, Object> kafka = new HashMap<>(Binder.get(environment)
                .bind("spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, brokers);
        return new DashboardRebuild(collections, mongo, dashboard, consumers, codec, bindings, kafka, group,
                registry, logEvery);
    }

    @Bean
    DashboardRebuildEndpoint dashboardRebuildEndpoint(DashboardRebuild rebuild) {
        return new DashboardRebuildEndpoint(rebuild);
    }
}
