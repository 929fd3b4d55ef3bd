package org.commissioning.platform.deadletter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.mongodb.MongoTimeoutException;

/**
 * An event-sourced service as the platform builds one, without Kafka: a parcel is sent (any number of times) and
 * the {@code parcels} projection counts each event it handled. The projection throws for a parcel whose contents
 * are {@code poison} until its parcel is cured, and throws a database time-out the first times it sees
 * {@code flaky} contents.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
        "org.springframework.cloud.stream.config.ChannelsEndpointAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingServiceConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration"})
@Import({DeadLetterTestApplication.Parcel.class, DeadLetterTestApplication.ParcelProjection.class})
public class DeadLetterTestApplication {

    public static final String GROUP = "parcels";
    static final int FLAKY_FAILURES = 2;

    /** Nothing is published: the service has no relay (no translator), and no Kafka. */
    @Bean
    IntegrationEventPublisher unusedPublisher() {
        return event -> {
            throw new UnsupportedOperationException("nothing is published in this test");
        };
    }

    public record SendParcelCommand(@TargetAggregateIdentifier String parcelId, String contents) {
    }

    public record ParcelSentEvent(String parcelId, String contents) {
    }

    @Aggregate
    public static class Parcel {

        @AggregateIdentifier
        private String parcelId;

        protected Parcel() {
        }

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
        public void handle(SendParcelCommand command) {
            apply(new ParcelSentEvent(command.parcelId(), command.contents()));
        }

        @EventSourcingHandler
        void on(ParcelSentEvent event) {
            parcelId = event.parcelId();
        }
    }

    @ProcessingGroup(GROUP)
    public static class ParcelProjection {

        /** Parcels whose poison the handler accepts now ("the fix"). */
        static final Set<String> CURED = ConcurrentHashMap.newKeySet();
        /** How often each event was handled, by event id. */
        static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();
        /** The contents projected, by parcel, in the order handled. */
        static final Map<String, List<String>> CONTENTS = new ConcurrentHashMap<>();
        static final Map<String, AtomicInteger> FLAKY_ATTEMPTS = new ConcurrentHashMap<>();

        @EventHandler
        void on(ParcelSentEvent event, EventMessage<?> message) {
            if (event.contents().equals("poison") && !CURED.contains(event.parcelId())) {
                throw new IllegalStateException("Cannot project poison of parcel " + event.parcelId());
            }
            if (event.contents().equals("flaky") && FLAKY_ATTEMPTS.computeIfAbsent(message.getIdentifier(),
                    id -> new AtomicInteger()).incrementAndGet() <= FLAKY_FAILURES) {
                throw new MongoTimeoutException("Timed out waiting for a server (test)");
            }
            HANDLED.computeIfAbsent(message.getIdentifier(), id -> new AtomicInteger()).incrementAndGet();
            CONTENTS.computeIfAbsent(event.parcelId(), id -> new CopyOnWriteArrayList<>()).add(event.contents());
        }
    }
}
