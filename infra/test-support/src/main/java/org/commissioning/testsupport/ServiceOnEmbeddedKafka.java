package org.commissioning.testsupport;

import java.time.Duration;
import java.util.List;

import org.commissioning.embedded.TopicReader;
import org.commissioning.events.IntegrationEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ServiceOverHttp} for a service on spring-kafka-test's broker ({@code @EmbeddedKafka} on the subclass) and
 * the shared in-process Mongo server, in a database of the application context's own: sending integration events to
 * the broker and reading what the service published.
 */
public abstract class ServiceOnEmbeddedKafka extends ServiceOverHttp {

    /** How long a test waits for the service to consume or publish. */
    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void applicationDatabase(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, EmbeddedMongo.APPLICATION_DATABASE);
    }

    @Autowired
    protected EmbeddedKafkaBroker kafka;

    /** Sends {@code events} to {@code topic} as their producer would (keyed by subject). */
    protected void send(String topic, IntegrationEvent<?>... events) {
        EventSender.send(kafka.getBrokersAsString(), topic, events);
    }

    /**
     * The events with key {@code key} on {@code topic}, in order, once at least {@code atLeast} have arrived (or
     * what has arrived after {@link #PATIENCE}).
     */
    protected List<IntegrationEvent<?>> published(String topic, String key, int atLeast) {
        return TopicReader.recordsWithKey(kafka.getBrokersAsString(), topic, key, atLeast, PATIENCE).stream()
                .<IntegrationEvent<?>>map(r -> codec.decode(r.value())).toList();
    }
}
