package org.commissioning.platform.readmodel;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.platform.axon.AxonPlatformAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Read models served through {@link ReadModelCollections}, and, for a service on Axon that declares
 * {@link RebuildableReadModel} beans, their rebuilds ({@code /actuator/rebuild}).
 */
@AutoConfiguration(after = {MongoDataAutoConfiguration.class, AxonPlatformAutoConfiguration.class},
        afterName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.extensions.mongo.springboot.autoconfig.MongoAutoConfiguration"})
@ConditionalOnClass(MongoTemplate.class)
public class ReadModelAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    public ReadModelCollections readModelCollections(MongoTemplate mongo,
                                                     @Value("${platform.read-models.cache:1s}") Duration cache) {
        return new ReadModelCollections(mongo, cache);
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.axonframework.eventsourcing.eventstore.EventStore")
    static class Rebuilds {

        @Bean(destroyMethod = "shutdown")
        @ConditionalOnBean({RebuildableReadModel.class, EventStore.class})
        public ReadModelRebuilds readModelRebuilds(List<RebuildableReadModel> readModels,
                                                   ReadModelCollections collections, MongoTemplate mongo,
                                                   Configuration axon, EventStore eventStore,
                                                   org.axonframework.extensions.mongo.MongoTemplate axonMongo,
                                                   TransactionManager transactionManager, MeterRegistry registry,
                                                   @Value("${platform.rebuild.log-every:5s}") Duration logEvery,
                                                   @Value("${platform.rebuild.pause-limit:60s}") Duration pauseLimit,
                                                   org.springframework.beans.factory.ObjectProvider<
                                                           org.commissioning.platform.config.PlatformProperties> properties) {
            return new ReadModelRebuilds(readModels, collections, mongo, axon, eventStore,
                    () -> axonMongo.eventCollection().countDocuments(), transactionManager, registry, logEvery,
                    pauseLimit, java.util.Optional.ofNullable(properties.getIfAvailable())
                            .map(p -> p.axon().projectionBatchSize()).orElse(1));
        }

        @Bean
        @ConditionalOnBean(ReadModelRebuilds.class)
        public RebuildEndpoint rebuildEndpoint(ReadModelRebuilds rebuilds) {
            return new RebuildEndpoint(rebuilds);
        }
    }
}
