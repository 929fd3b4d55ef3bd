package org.commissioning.platform.history;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Optional;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.events.contracts.v1.ContractOfficersAssigned;
import org.commissioning.platform.relay.IntegrationEventTranslator;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * An event-sourced service as the platform builds one, publishing as contract-service to real Kafka: a note
 * aggregate whose every note is a stored event (and is published as the contract's officers).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HistoryChainTestApplication.Note.class)
public class HistoryChainTestApplication {

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

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
        public void handle(WriteNote command) {
            apply(new NoteWritten(command.noteId(), command.text()));
        }

        @EventSourcingHandler
        void on(NoteWritten event) {
            noteId = event.noteId();
        }
    }

    @Bean
    IntegrationEventTranslator noteTranslator() {
        return stored -> stored.getPayload() instanceof NoteWritten note
                ? Optional.of(new IntegrationEventTranslator.Outgoing(note.noteId(),
                        new ContractOfficersAssigned(note.noteId(), note.text(), "Manager")))
                : Optional.empty();
    }
}
