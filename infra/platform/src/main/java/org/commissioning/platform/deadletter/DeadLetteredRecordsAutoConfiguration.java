package org.commissioning.platform.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.commissioning.platform.config.PlatformAutoConfiguration;
import org.commissioning.platform.consumer.ConsumedEventStore;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * Dead-lettered Kafka records you can operate, in every service with consuming bindings (the gateway too):
 * {@link DeadLetteredRecords}, {@code /actuator/deadletteredrecords}, the {@code deadLetteredRecords} health component
 * and the {@code platform_deadlettered_records} gauge.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class,
        afterName = "org.springframework.cloud.stream.config.BindingServiceConfiguration")
@ConditionalOnClass(BindingServiceProperties.class)
@ConditionalOnBean({BindingServiceProperties.class, ConsumedEventStore.class})
public class DeadLetteredRecordsAutoConfiguration {

    private static final Pattern INPUT = Pattern.compile("(.+)-in-\\d+");

    @Bean(destroyMethod = "shutdown")
    public DeadLetteredRecords deadLetteredRecords(BindingServiceProperties bindingService, Environment environment,
                                                   ApplicationContext context, ConsumedEventStore consumed,
                                                   IntegrationEventCodec codec, MongoTemplate mongo,
                                                   ObjectProvider<DeadLetteredRecords.DiscardListener> listeners,
                                                   PlatformMetrics metrics,
                                                   @Value("${platform.consumer.dead-letter-refresh:30s}")
                                                   Duration refreshEvery) {
        Binder binder = Binder.get(environment);
        Set<String> active = Arrays.stream(environment.getProperty("spring.cloud.function.definition", "")
                .split("[;,|]")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        List<DeadLetteredRecords.Binding> bindings = new ArrayList<>();
        bindingService.getBindings().forEach((name, properties) ->
                binding(name, properties, binder, active).ifPresent(bindings::add));
        // the binder's own client settings (SASL in compose), so the reader connects as the live consumers do
        Map<String, Object> kafka = new HashMap<>(binder.bind("spring.cloud.stream.kafka.binder.configuration",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092"));
        DeadLetteredRecords.Function functions = function -> context.containsBean(function)
                && context.getBean(function) instanceof Consumer<?> bean
                ? Optional.of(messages(bean)) : Optional.empty();
        return new DeadLetteredRecords(bindings, kafka, functions, consumed, codec, mongo,
                listeners.orderedStream().toList(), metrics, Clock.systemUTC(), refreshEvery);
    }

    @Bean
    public DeadLetteredRecordsEndpoint deadLetteredRecordsEndpoint(DeadLetteredRecords records) {
        return new DeadLetteredRecordsEndpoint(records);
    }

    /** The {@code deadLetteredRecords} health component. */
    @Bean(name = "deadLetteredRecordsHealthIndicator")
    public DeadLetteredRecordsHealthIndicator deadLetteredRecordsHealthIndicator(DeadLetteredRecords records) {
        return new DeadLetteredRecordsHealthIndicator(records);
    }

    /** A consuming binding of an active function, with a group and a dead-letter topic. */
    private static Optional<DeadLetteredRecords.Binding> binding(String name, BindingProperties properties,
                                                                 Binder binder, Set<String> active) {
        Matcher input = INPUT.matcher(name);
        if (!input.matches() || properties.getGroup() == null || properties.getDestination() == null
                || !active.isEmpty() && !active.contains(input.group(1))) {
            return Optional.empty();
        }
        // binding names are mixed case (ratingEvents-in-0), which only an adapted property name may hold
        String consumer = "spring.cloud.stream.kafka.bindings." + name + ".consumer.";
        boolean dlq = binder.bind(ConfigurationPropertyName.adapt(consumer + "enable-dlq", '.'),
                        Bindable.of(Boolean.class))
                .orElseGet(() -> binder.bind("spring.cloud.stream.kafka.default.consumer.enable-dlq", Boolean.class)
                        .orElse(false));
        if (!dlq) {
            return Optional.empty();
        }
        String deadLetterTopic = binder.bind(ConfigurationPropertyName.adapt(consumer + "dlq-name", '.'),
                        Bindable.of(String.class))
                .orElse("error." + properties.getDestination() + "." + properties.getGroup());
        return Optional.of(new DeadLetteredRecords.Binding(name, input.group(1), properties.getDestination(),
                properties.getGroup(), deadLetterTopic));
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Message<byte[]>> messages(Consumer<?> bean) {
        return (Consumer<Message<byte[]>>) bean;
    }
}
