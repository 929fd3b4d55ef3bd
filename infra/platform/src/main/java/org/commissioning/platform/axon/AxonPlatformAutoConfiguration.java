package org.commissioning.platform.axon;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.commissioning.platform.config.PlatformAutoConfiguration;
import org.commissioning.platform.config.PlatformProperties;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.platform.relay.IntegrationEventTranslator;
import org.commissioning.platform.relay.OutboxLedger;
import org.commissioning.platform.relay.OutboxRelay;
import org.commissioning.platform.relay.ParkedEvents;
import org.commissioning.platform.relay.RedeliveryEndpoint;
import org.commissioning.platform.relay.RedeliveryRequests;
import org.commissioning.platform.relay.RelayEndpoint;
import org.commissioning.platform.relay.RelayHealthIndicator;
import org.commissioning.platform.relay.StoredEvents;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * Axon on MongoDB for the services that are event-sourced.
 * <ul>
 *   <li>The event store's tracking look-back window is set deliberately ({@code platform.axon.look-back}), and so is
 *       the number of newest events it keeps in memory for processors following its head
 *       ({@code platform.axon.cached-events}).</li>
 *   <li>Without MongoDB transactions (the embedded wire-protocol server has none) Axon runs without a
 *       transaction manager; every projection and consumer is idempotent for that reason.</li>
 *   <li>Aggregates that name {@code aggregateSnapshotTrigger} are snapshotted every
 *       {@code platform.axon.snapshot-threshold} events ({@link SnapshotSerializer}); upcaster beans are applied to
 *       every stored event read.</li>
 *   <li>An event handler's error propagates, so the tracking processor retries the event instead of skipping it;
 *       in the groups that dead-letter (every group but the relay's and the history chain's,
 *       {@code DeadLetterAutoConfiguration}) only a transient failure still does.</li>
 *   <li>Actor, its display name, correlation id and the actor that caused the chain travel from the request or
 *       the consumed event onto commands and from there onto events.</li>
 * </ul>
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class,
        org.axonframework.extensions.mongo.springboot.autoconfig.MongoAutoConfiguration.class},
        after = PlatformAutoConfiguration.class)
@ConditionalOnClass({EventStorageEngine.class, MongoEventStorageEngine.class})
@Import(AxonProblemDetailsAdvice.class)
public class AxonPlatformAutoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "platform.mongo.transactions", havingValue = "false", matchIfMissing = true)
    public TransactionManager axonTransactionManager() {
        return NoTransactionManager.INSTANCE;
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate, TransactionManager transactionManager,
                                                 ObjectProvider<ObjectMapper> objectMapper,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 PlatformProperties properties) {
        return new BoundedFetchMongoEventStorageEngine(MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .transactionManager(transactionManager)
                .snapshotSerializer(SnapshotSerializer.of(objectMapper.getIfAvailable(
                        () -> new ObjectMapper().findAndRegisterModules())))
                .snapshotFilter(configuration.snapshotFilter())
                .eventSerializer(eventSerializer)
                .storageStrategy(new BoundedTrackingStorageStrategy(EventEntryConfiguration.getDefault(),
                        properties.axon().lookBack()))
                .upcasterChain(configuration.upcasterChain()), properties.axon().cachedEvents());
    }

    /** Axon's event store, with its in-memory cache of the newest events bounded by {@code platform.axon.cached-events}. */
    @Bean
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         PlatformProperties properties) {
        return eventStore(storageEngine, properties.axon().cachedEvents())
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    static EmbeddedEventStore.Builder eventStore(EventStorageEngine storageEngine, int cachedEvents) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine).cachedEvents(cachedEvents);
    }

    /**
     * The snapshot trigger an aggregate names in {@code @Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")}:
     * a snapshot once loading it replays {@code platform.axon.snapshot-threshold} events (default 50).
     */
    @Bean
    public SnapshotTriggerDefinition aggregateSnapshotTrigger(Snapshotter snapshotter, PlatformProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.axon().snapshotThreshold());
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider causationCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(CausationContext.ACTOR, CausationContext.ACTOR_NAME,
                CausationContext.CORRELATION_ID, CausationContext.CAUSED_BY);
    }

    @Bean
    public ConfigurerModule propagatingEventHandlerErrors(PlatformProperties properties) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(c -> properties.axon().projectionProcessors())
                .registerTrackingEventProcessor(OutboxRelay.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        c -> properties.axon().platformProcessors());
    }

    @Bean
    public SmartInitializingSingleton causationOnCommands(CommandBus commandBus) {
        MessageDispatchInterceptor<CommandMessage<?>> interceptor = messages -> (index, command) -> {
            Map<String, Object> metaData = CausationContext.currentOrNew().metaData();
            metaData.putAll(command.getMetaData());
            return command.andMetaData(metaData);
        };
        return () -> commandBus.registerDispatchInterceptor(interceptor);
    }

    @Bean
    @ConditionalOnBean(IntegrationEventTranslator.class)
    public OutboxLedger outboxLedger(org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return new OutboxLedger(mongo);
    }

    @Bean
    @ConditionalOnBean(IntegrationEventTranslator.class)
    public ParkedEvents parkedEvents(org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return new ParkedEvents(mongo);
    }

    @Bean
    @ConditionalOnBean(IntegrationEventTranslator.class)
    public OutboxRelay outboxRelay(IntegrationEventTranslator translator, OutboxLedger ledger,
                                   IntegrationEventPublisher publisher, PlatformMetrics metrics,
                                   ParkedEvents parkedEvents, ObjectProvider<EventStore> eventStore,
                                   ObjectProvider<MongoTemplate> axonMongoTemplate, PlatformProperties properties) {
        PlatformProperties.Relay relay = properties.relay();
        return new OutboxRelay(translator, ledger, publisher, metrics, parkedEvents,
                new StoredEvents(eventStore::getObject, eventId -> locate(axonMongoTemplate.getObject(), eventId)),
                Clock.systemUTC(), properties.source(), relay.attempts(), relay.backoff());
    }

    /** Where the event store (one document per event) keeps the event of this identifier. */
    static Optional<StoredEvents.Position> locate(MongoTemplate axonMongo, String eventId) {
        EventEntryConfiguration fields = EventEntryConfiguration.getDefault();
        Document entry = axonMongo.eventCollection().find(Filters.eq(fields.eventIdentifierProperty(), eventId))
                .first();
        return Optional.ofNullable(entry).map(e -> new StoredEvents.Position(
                e.getString(fields.aggregateIdentifierProperty()),
                ((Number) e.get(fields.sequenceNumberProperty())).longValue()));
    }

    /** The owner's side of gap recovery: the function bound as {@code redeliveryRequests-in-0}. */
    @Bean
    @ConditionalOnBean(IntegrationEventTranslator.class)
    public Consumer<Message<byte[]>> redeliveryRequests(OutboxRelay outboxRelay, IntegrationEventCodec codec) {
        return new RedeliveryRequests(outboxRelay, codec).asMessageConsumer();
    }

    @Bean
    @ConditionalOnBean(IntegrationEventTranslator.class)
    public RedeliveryEndpoint redeliveryEndpoint(OutboxRelay outboxRelay) {
        return new RedeliveryEndpoint(outboxRelay);
    }

    /** The {@code relay} health component: DEGRADED (HTTP 200) while events are parked. */
    @Bean(name = "relayHealthIndicator")
    @ConditionalOnBean(IntegrationEventTranslator.class)
    public RelayHealthIndicator relayHealthIndicator(OutboxRelay outboxRelay) {
        return new RelayHealthIndicator(outboxRelay);
    }

    @Bean
    @ConditionalOnBean(IntegrationEventTranslator.class)
    public RelayEndpoint relayEndpoint(OutboxRelay outboxRelay) {
        return new RelayEndpoint(outboxRelay);
    }

    /** Events parked before a restart show on {@code platform_relay_parked} from the start. */
    @Bean
    @ConditionalOnBean(IntegrationEventTranslator.class)
    public SmartInitializingSingleton relayParkedGauge(OutboxRelay outboxRelay) {
        return () -> {
            try {
                outboxRelay.refreshParked();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(OutboxRelay.class).warn("Parked events not counted yet: {}", e.getMessage());
            }
        };
    }
}
