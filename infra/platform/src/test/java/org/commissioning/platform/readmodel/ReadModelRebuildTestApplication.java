package org.commissioning.platform.readmodel;

import org.commissioning.platform.causation.CausationTestApplication;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An event-sourced service with one rebuildable read model: the causation tests' notes, as {@link NoteWords}. */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
        "org.springframework.cloud.stream.config.ChannelsEndpointAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingServiceConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration"})
@Import(CausationTestApplication.Note.class)
public class ReadModelRebuildTestApplication {

    /** Nothing is published: the notes are not translated to integration events here. */
    @Bean
    IntegrationEventPublisher publisher() {
        return event -> {
        };
    }

    @Bean
    NoteWords noteWords(MongoTemplate mongo, ReadModelCollections collections) {
        return new NoteWords(mongo, collections);
    }

    @Bean
    RebuildableReadModel noteWordsReadModel(NoteWords noteWords) {
        return new RebuildableReadModel(NoteWords.READ_MODEL, NoteWords.PROCESSING_GROUP, noteWords::writingTo);
    }
}
