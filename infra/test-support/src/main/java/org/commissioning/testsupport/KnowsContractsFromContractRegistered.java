package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractExtended;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.ContractVaried;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The contract every service that knows contracts from {@code ContractRegistered} keeps (kpi-service, rag-service,
 * deepdive-service): the service as it runs, over real HTTP, consuming {@code contracts.events.v1} from an embedded
 * KRaft broker through the platform's idempotent consumer, with its read model on the shared in-process Mongo
 * server (in a database named after the service). Metrics are exported as in production, so /actuator/prometheus
 * exists.
 * <p>
 * A service's test extends this with the prefix under which it serves the contracts it knows, e.g.
 * {@code /api/kpi/contracts}; the annotations here are inherited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
@RequiredArgsConstructor(access = AccessLevel.PROTECTED)
public abstract class KnowsContractsFromContractRegistered extends ServiceOnEmbeddedKafka {

    /** Where the service serves the contracts it knows: {@code GET api} lists them, {@code GET api/{id}} finds one. */
    protected final String api;

    /** The service's consumer group (its application name, as the binding's {@code group}). */
    @Value("${spring.application.name}")
    protected String group;
    @Autowired
    protected PlatformMetrics metrics;

    @Test
    void makesARegisteredContractKnown() {
        String id = UUID.randomUUID().toString();
        send(IntegrationEvents.registered(id, 1));

        await().atMost(PATIENCE).untilAsserted(() -> KnownContractResponses.assertRegisteredOnce(get(api + "/" + id), id));
        assertThat(idsListed()).contains(id);
    }

    @Test
    void followsTheEndOfTheTermThroughVariationExtensionAndTermination() {
        String id = UUID.randomUUID().toString();
        send(IntegrationEvents.registered(id, 1));
        awaitEnd(id, "2019-03-31", 1);

        send(IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, Instant.now(), 2,
                new ContractVaried(id, null, LocalDate.of(2019, 9, 30), null, LocalDate.of(2019, 3, 31),
                        LocalDate.of(2018, 6, 1), "Aligned with the school year")));
        awaitEnd(id, "2019-09-30", 2);
        send(IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, Instant.now(), 3,
                new ContractExtended(id, LocalDate.of(2020, 3, 31), LocalDate.of(2019, 9, 30), null)));
        awaitEnd(id, "2020-03-31", 3);
        send(IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, Instant.now(), 4,
                new ContractTerminated(id, "PROVIDER", LocalDate.of(2019, 6, 30), "Provider withdrew")));
        awaitEnd(id, "2019-06-30", 4);
    }

    private void awaitEnd(String id, String end, long lastSequence) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode body = json.readTree(get(api + "/" + id).getBody());
            assertThat(body.path("end").asText()).isEqualTo(end);
            assertThat(body.path("lastSequence").asLong()).isEqualTo(lastSequence);
        });
    }

    @Test
    void dropsARedeliveredEvent() {
        String id = UUID.randomUUID().toString();
        awaitConsumerCaughtUp();
        double consumedBefore = count("platform.events.consumed");
        double duplicatesBefore = count("platform.events.duplicates");

        IntegrationEvent<ContractRegistered> event = IntegrationEvents.registered(id, 1);
        send(event, event);

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(count("platform.events.duplicates")).isEqualTo(duplicatesBefore + 1));
        awaitConsumerCaughtUp();
        assertThat(count("platform.events.consumed")).isEqualTo(consumedBefore + 1);
        assertThat(mongo.count(Query.query(Criteria.where("subject").is(id)), "consumed_events")).isEqualTo(1);
        assertThat(idsListed()).containsOnlyOnce(id);
        assertThat(get(api + "/" + id).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void holdsARecordAheadOfItsTurnReportsTheGapOnceAndAppliesItWhenTheMissingOneArrives(CapturedOutput output)
            throws Exception {
        String id = UUID.randomUUID().toString();
        double gapsBefore = count("platform.events.gaps");

        send(IntegrationEvents.registered(id, 1), IntegrationEvents.registered(id, 4));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count("platform.events.gaps")).isEqualTo(gapsBefore + 1);
            assertThat(output.getOut()).containsPattern("Gap in the events of contract " + id
                    + " .* expected sequence 2 but received 4");
        });
        awaitConsumerCaughtUp();
        assertThat(json.readTree(get(api + "/" + id).getBody()).get("lastSequence").asLong())
                .as("sequence 4 is held, not applied").isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("subject").is(id)), "held_events")).isEqualTo(1);

        send(IntegrationEvents.registered(id, 2), IntegrationEvents.registered(id, 3));

        // a held record is applied, then released: the view shows 4 a moment before the record is gone
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(json.readTree(get(api + "/" + id).getBody()).path("lastSequence").asLong()).isEqualTo(4);
            assertThat(mongo.count(Query.query(Criteria.where("subject").is(id)), "held_events")).isZero();
        });
        assertThat(count("platform.events.gaps")).isEqualTo(gapsBefore + 1);
    }

    @Test
    void doesNotApplyARecordUnderANewIdClaimingASequenceAlreadyApplied() throws Exception {
        String id = UUID.randomUUID().toString();
        send(IntegrationEvents.registered(id, 1));
        await().atMost(PATIENCE).until(() -> get(api + "/" + id).getStatusCode().value() == 200);
        double conflictsBefore = count("platform.events.conflicts");

        send(IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, IntegrationEvents.REGISTERED_AT, 1,
                new ContractRegistered(id, "Forged Ltd", "YOUTH", new Lot("DISTRICT", List.of("South"),
                        List.of("Ashford")), null, null, null)));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(count("platform.events.conflicts")).isEqualTo(conflictsBefore + 1));
        assertThat(json.readTree(get(api + "/" + id).getBody()).get("provider").asText()).isEqualTo("Sk8side");
    }

    @Test
    void answersUnknownAndMalformedIdsWithProblems() throws Exception {
        ResponseEntity<String> unknown = get(api + "/" + UUID.randomUUID());
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");

        ResponseEntity<String> malformed = get(api + "/not-a-uuid");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json.readTree(malformed.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("contractId");
    }

    @Test
    void exposesHealthAndPrometheusMetrics() throws Exception {
        String id = UUID.randomUUID().toString();
        send(IntegrationEvents.registered(id, 1));
        await().atMost(PATIENCE).until(() -> get(api + "/" + id).getStatusCode().value() == 200);

        ResponseEntity<String> health = get("/actuator/health");
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        JsonNode status = json.readTree(health.getBody());
        assertThat(status.get("status").asText()).isEqualTo("UP");
        assertThat(status.at("/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(status.at("/components/mongo/details/database").asText()).as("a database of the service's own")
                .startsWith(group + "-");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/actuator/prometheus").getBody())
                .contains("platform_events_consumed_total{")
                .contains("consumer=\"" + group + ".contract-events\""));
    }

    /** A counter of this service's consumer of contract events. */
    protected double count(String meter) {
        return metrics.count(meter, "consumer", group + ".contract-events");
    }

    protected void send(IntegrationEvent<?>... events) {
        send(Topics.CONTRACTS, events);
    }

    /** Every record on the topic has been handled and committed by the service's consumer group. */
    protected void awaitConsumerCaughtUp() {
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), group, Topics.CONTRACTS, PATIENCE);
    }

    protected List<String> idsListed() {
        try {
            ResponseEntity<String> list = get(api);
            assertThat(list.getStatusCode().value()).isEqualTo(200);
            return json.readTree(list.getBody()).findValuesAsText("id");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
