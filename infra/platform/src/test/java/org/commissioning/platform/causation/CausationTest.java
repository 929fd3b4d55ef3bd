package org.commissioning.platform.causation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.identity.LocalIssuer;
import org.commissioning.platform.InProcessMongo;
import org.commissioning.platform.causation.CausationTestApplication.PublishedRecords;
import org.commissioning.platform.consumer.IdempotentConsumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who caused what, from the request or the consumed event to the command, the stored event and the CloudEvent the
 * relay publishes: an event-sourced service with security on, against the local issuer, over real HTTP, Axon on
 * the real Mongo driver (in-process wire server).
 */
@SpringBootTest(classes = CausationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=causation-test", "platform.security.enabled=true"})
class CausationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @AutoClose
    static final LocalIssuer issuer = startIssuer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
        registry.add("spring.data.mongodb.uri", () -> InProcessMongo.newDatabaseUri("causation"));
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    IdempotentConsumer registrations;
    @Autowired
    PublishedRecords published;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void recordsTheTokensSubjectAndNameOnTheCommandTheStoredEventAndTheCloudEvent() throws Exception {
        String noteId = UUID.randomUUID().toString();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/test/notes/" + noteId))
                .header("Authorization", "Bearer " + issuer.accessToken("officer.jones", "officer-secret"))
                .header("X-Actor", "auditor.mallory").header("X-Correlation-Id", "corr-http")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        MetaData expected = MetaData.with("actor", "officer.jones").and("actorname", "Sam Jones")
                .and("correlationid", "corr-http");
        assertThat(CausationTestApplication.COMMANDS.get(noteId)).containsAllEntriesOf(expected)
                .doesNotContainKey("causedby");
        assertThat(stored(noteId)).containsAllEntriesOf(expected).doesNotContainKey("causedby");
        JsonNode cloudEvent = publishedFor(noteId);
        assertThat(cloudEvent.get("actor").asText()).isEqualTo("officer.jones");
        assertThat(cloudEvent.get("actorname").asText()).isEqualTo("Sam Jones");
        assertThat(cloudEvent.get("correlationid").asText()).isEqualTo("corr-http");
        assertThat(cloudEvent.has("causedby")).isFalse();
    }

    @Test
    void recordsWorkCausedByAConsumedEventAsTheSystemCausedByTheEventsActorInItsChain() throws Exception {
        String contractId = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> registered = IntegrationEvent.of(UUID.randomUUID().toString(),
                Context.CONTRACTS.source(), contractId, Instant.parse("2018-04-03T09:15:00Z"), 1, "provider.nelft",
                "Priya Shah (NELFT)", "corr-event", null,
                new ContractRegistered(contractId, "NELFT", "YOUTH", new Lot("DISTRICT", List.of("South"),
                        List.of("Dover")), new BigDecimal("1000.00"), LocalDate.of(2018, 4, 1), null));

        assertThat(registrations.accept(registered)).isEqualTo(IdempotentConsumer.Outcome.HANDLED);

        MetaData expected = MetaData.with("actor", "system").and("actorname", "system")
                .and("correlationid", "corr-event").and("causedby", "provider.nelft");
        assertThat(CausationTestApplication.COMMANDS.get(contractId)).containsAllEntriesOf(expected);
        assertThat(stored(contractId)).containsAllEntriesOf(expected);
        JsonNode cloudEvent = publishedFor(contractId);
        assertThat(cloudEvent.get("actor").asText()).isEqualTo("system");
        assertThat(cloudEvent.get("actorname").asText()).isEqualTo("system");
        assertThat(cloudEvent.get("causedby").asText()).isEqualTo("provider.nelft");
        assertThat(cloudEvent.get("correlationid").asText()).isEqualTo("corr-event");
    }

    private MetaData stored(String aggregateId) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(aggregateId).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getMetaData();
    }

    private JsonNode publishedFor(String subject) throws IOException {
        return json.readTree(await().atMost(PATIENCE).until(() -> published.ofSubject(subject).orElse(null),
                record -> record != null));
    }

    static LocalIssuer startIssuer() {
        try {
            return LocalIssuer.start(0, Files.createTempDirectory("local-issuer"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
