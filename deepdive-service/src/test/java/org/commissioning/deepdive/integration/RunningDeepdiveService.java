package org.commissioning.deepdive.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.testsupport.IntegrationEvents;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * deepdive-service as it runs: embedded KRaft broker, the shared in-process Mongo server (a database of this
 * context's own), the platform's idempotent consumer and outbox relay. The ITs that extend it share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3, topics = {Topics.CONTRACTS, Topics.DEEPDIVES})
abstract class RunningDeepdiveService extends ServiceOnEmbeddedKafka {

    static final String OFFICER = "officer.jones";

    /** {@code ContractRegistered.v1} of a district contract of {@code provider} from {@code start} to {@code end}. */
    static IntegrationEvent<ContractRegistered> registered(String id, String provider, String district,
                                                           LocalDate start, LocalDate end) {
        return IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, IntegrationEvents.REGISTERED_AT, 1,
                new ContractRegistered(id, provider, "YOUTH", new Lot("DISTRICT", List.of("South"),
                        List.of(district)), new BigDecimal("120000.00"), start, end));
    }

    /** Sends the registrations and waits until this service knows every one. */
    void registerAndWait(IntegrationEvent<?>... registrations) {
        send(Topics.CONTRACTS, registrations);
        for (IntegrationEvent<?> registration : registrations) {
            await().atMost(PATIENCE).until(() -> get("/api/deepdives/contracts/" + registration.subject())
                    .getStatusCode().value() == 200);
        }
    }

    static ResponseEntity<String> status(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        return response;
    }

    /** POSTs without a body as the officer. */
    ResponseEntity<String> postEmpty(String path) {
        return http().post().uri(path).header(ACTOR, OFFICER).retrieve().toEntity(String.class);
    }
}
