package org.commissioning.platform.causation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractOfficersAssigned;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.platform.consumer.IdempotentConsumer;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.commissioning.platform.relay.IntegrationEventTranslator;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An event-sourced service as the platform's auto-configuration builds one (Axon on MongoDB, the relay, the web
 * layer with its security), without Kafka: what it publishes is kept as the CloudEvents JSON the codec writes.
 * A note is written by an HTTP request or because a contract was registered (an integration event); each note is
 * published as the contract's officers.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
        "org.springframework.cloud.stream.config.ChannelsEndpointAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingServiceConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration"})
@Import({CausationTestApplication.Note.class, CausationTestApplication.NoteController.class})
public class CausationTestApplication {

    /** The metadata of every WriteNote command handled, by note id. */
    static final Map<String, MetaData> COMMANDS = new ConcurrentHashMap<>();

    public record WriteNote(@TargetAggregateIdentifier String noteId, String text) {
    }

    public record NoteWritten(String noteId, String text) {
    }

    @Aggregate
    public static class Note {

        @AggregateIdentifier
        private String noteId;

        protected Note() {
        }

        /** A note is written again under the same id as the next event of that note (the history chain's tests). */
        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
        public void handle(WriteNote command, MetaData metaData) {
            COMMANDS.put(command.noteId(), metaData);
            apply(new NoteWritten(command.noteId(), command.text()));
        }

        @EventSourcingHandler
        void on(NoteWritten event) {
            noteId = event.noteId();
        }
    }

    @RestController
    public static class NoteController {

        private final CommandGateway commands;

        NoteController(CommandGateway commands) {
            this.commands = commands;
        }

        @PostMapping("/test/notes/{noteId}")
        public Map<String, String> write(@PathVariable String noteId) {
            commands.sendAndWait(new WriteNote(noteId, "written by hand"));
            return Map.of("noteId", noteId);
        }
    }

    /** Publishes as the Kafka publisher does, into a list: the CloudEvents JSON of each event. */
    public static class PublishedRecords implements IntegrationEventPublisher {

        private final IntegrationEventCodec codec;
        private final List<byte[]> records = new CopyOnWriteArrayList<>();

        PublishedRecords(IntegrationEventCodec codec) {
            this.codec = codec;
        }

        @Override
        public void publish(IntegrationEvent<?> event) {
            records.add(codec.encode(event));
        }

        Optional<byte[]> ofSubject(String subject) {
            return records.stream().filter(r -> codec.decode(r).subject().equals(subject)).findFirst();
        }
    }

    @Bean
    PublishedRecords publishedRecords(IntegrationEventCodec codec) {
        return new PublishedRecords(codec);
    }

    @Bean
    IntegrationEventTranslator noteTranslator() {
        return notesAsOfficers();
    }

    /** Each note is published as the contract's officers, the note's id as the contract id. */
    public static IntegrationEventTranslator notesAsOfficers() {
        return stored -> stored.getPayload() instanceof NoteWritten note
                ? Optional.of(new IntegrationEventTranslator.Outgoing(note.noteId(),
                        new ContractOfficersAssigned(note.noteId(), note.text(), "Manager")))
                : Optional.empty();
    }

    /** Writes a note for every contract registered. */
    @Bean
    IdempotentConsumer registrations(IdempotentConsumers consumers, CommandGateway commands) {
        return consumers.create("registrations", IntegrationEventHandlers.builder()
                .on(ContractRegistered.class, (event, registered) ->
                        commands.sendAndWait(new WriteNote(registered.contractId(), "contract registered")))
                .build());
    }
}
