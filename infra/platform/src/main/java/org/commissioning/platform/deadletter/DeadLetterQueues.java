package org.commissioning.platform.deadletter;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.commissioning.platform.history.HistoryChainRecorder;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.platform.relay.OutboxRelay;

/**
 * The dead-letter queue of each processing group, in MongoDB (Axon's {@code deadletters} collection, one document
 * per letter): every group but the outbox relay's (which parks its own events, {@code /actuator/relay}) and the
 * history chain's (which must see every stored event; its only failures are the database's).
 */
public class DeadLetterQueues {

    /** Groups whose failures keep propagating: the processor retries, nothing is dead-lettered. */
    public static final Set<String> NOT_DEAD_LETTERED =
            Set.of(OutboxRelay.PROCESSING_GROUP, HistoryChainRecorder.PROCESSING_GROUP);

    private final MongoTemplate axonMongoTemplate;
    private final TransactionManager transactionManager;
    private final PlatformMetrics metrics;
    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new ConcurrentHashMap<>();

    public DeadLetterQueues(MongoTemplate axonMongoTemplate, TransactionManager transactionManager,
                            PlatformMetrics metrics) {
        this.axonMongoTemplate = axonMongoTemplate;
        this.transactionManager = transactionManager;
        this.metrics = metrics;
    }

    /** For {@code registerDeadLetterQueueProvider}: the queue of {@code group}, or null for none. */
    public Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>> provider(String group) {
        if (NOT_DEAD_LETTERED.contains(group)) {
            return null;
        }
        return configuration -> queues.computeIfAbsent(group, g -> {
            SequencedDeadLetterQueue<EventMessage<?>> queue = new ObservedDeadLetterQueue(g,
                    MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                            .processingGroup(g)
                            .mongoTemplate(axonMongoTemplate)
                            .transactionManager(transactionManager)
                            .serializer(configuration.eventSerializer())
                            .build(),
                    metrics);
            metrics.deadLettersParked(g, queue::size);
            return queue;
        });
    }

    /** The queues built so far, by group (every dead-lettering group once Axon has started). */
    public Map<String, SequencedDeadLetterQueue<EventMessage<?>>> all() {
        return new TreeMap<>(queues);
    }

    public Optional<SequencedDeadLetterQueue<EventMessage<?>>> of(String group) {
        return Optional.ofNullable(queues.get(group));
    }
}
