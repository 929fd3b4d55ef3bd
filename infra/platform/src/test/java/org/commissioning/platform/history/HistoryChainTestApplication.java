package org.commissioning.platform.history;

import org.commissioning.platform.causation.CausationTestApplication;
import org.commissioning.platform.relay.IntegrationEventTranslator;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * An event-sourced service as the platform builds one, publishing as contract-service to real Kafka: the causation
 * tests' note aggregate, whose every note is a stored event of the note's stream (published as the contract's
 * officers).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CausationTestApplication.Note.class)
public class HistoryChainTestApplication {

    @Bean
    IntegrationEventTranslator noteTranslator() {
        return CausationTestApplication.notesAsOfficers();
    }
}
