package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.identity.LocalIssuer;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.security.SecurityProblems;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * contract-service with security on, against the local issuer: the actor recorded on a stored event and on the
 * CloudEvent the relay publishes is the subject of the caller's token, whatever {@code X-Actor} claims; a request
 * without a valid token is 401 and stores and publishes nothing.
 */
class ActorIsTheTokensSubjectIT extends SecuredContractService {

    static final String IMPOSTOR = "auditor.mallory";

    /** An issuer the service does not trust, with the same demo users and a key of its own. */
    @AutoClose
    static final LocalIssuer otherIssuer = LocalIssuer.start(0, temporaryDirectory("other-issuer"));

    @Autowired
    EventStore eventStore;

    @Test
    void recordsTheTokensSubjectAsTheActorOfTheStoredEventAndItsCloudEventWhateverXActorSays() throws Exception {
        String id = UUID.randomUUID().toString();

        ResponseEntity<String> registered = register(id, officerToken(), IMPOSTOR);

        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        DomainEventMessage<?> stored = eventStore.readEvents(id).asStream().findFirst().orElseThrow();
        assertThat(stored.getMetaData().get(CausationContext.ACTOR)).isEqualTo(OFFICER);
        assertThat(stored.getMetaData().get(CausationContext.ACTOR_NAME)).as("the token's name").isEqualTo("Sam Jones");

        List<IntegrationEvent<?>> published = published(Topics.CONTRACTS, id, 1);
        assertThat(published).extracting(IntegrationEvent::type)
                .containsExactly("org.commissioning.contracts.ContractRegistered.v1");
        assertThat(published.get(0).actor()).isEqualTo(OFFICER);
        assertThat(published.get(0).actorname()).isEqualTo("Sam Jones");

        // read with the officer's token signed again by this test, unexpired: the expired one the refusals send
        // differs from it in its expiry alone
        String signedAgain = tokenSignedAgain(OFFICER, claims -> claims);
        await().atMost(PATIENCE).untilAsserted(() -> {
            ResponseEntity<String> history = http().get().uri("/api/contracts/" + id + "/history")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + signedAgain).retrieve().toEntity(String.class);
            assertThat(history.getStatusCode().value()).as(history.getBody()).isEqualTo(200);
            assertThat(body(history).findValuesAsText("actor")).containsExactly(OFFICER);
        });
    }

    static Stream<Named<Supplier<String>>> refusedTokens() {
        return Stream.of(
                Named.of("no token", () -> null),
                Named.of("an expired token of the trusted issuer", ActorIsTheTokensSubjectIT::expiredOfficerToken),
                Named.of("a token of another issuer", () -> tokenOf(otherIssuer, OFFICER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesARegistrationWithoutAValidTokenStoringAndPublishingNothing(Supplier<String> token) throws Exception {
        String id = UUID.randomUUID().toString();
        long storedBefore = storedEvents();

        ResponseEntity<String> refused = register(id, token.get(), OFFICER);

        JsonNode problem = problem(refused, 401);
        assertThat(problem.get("type").asText()).endsWith("/" + SecurityProblems.UNAUTHENTICATED);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(storedEvents()).isEqualTo(storedBefore);
        assertThat(storedEvents(id)).isZero();

        // the relay publishes in the order of the store: had the refusal stored anything, the id would be taken
        // and its event would come first
        assertThat(register(id, officerToken(), null).getStatusCode().value()).isEqualTo(201);
        assertThat(published(Topics.CONTRACTS, id, 1)).extracting(IntegrationEvent::actor).containsExactly(OFFICER);
    }

    private ResponseEntity<String> register(String id, String token, String claimedActor) {
        RestClient.RequestBodySpec request = http().post().uri("/api/contracts");
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (claimedActor != null) {
            request.header(ACTOR, claimedActor);
        }
        return request.contentType(MediaType.APPLICATION_JSON).body("""
                        {"contractId":"%s","provider":"Sk8side","serviceArea":"YOUTH",
                         "lot":{"scope":"DISTRICT","names":["Ashford"]},"annualValueGbp":120000,
                         "start":"2018-04-01","end":"2021-03-31"}""".formatted(id))
                .retrieve().toEntity(String.class);
    }

    private static String officerToken() {
        return token(OFFICER);
    }

    /** The officer's token as the trusted issuer gave it, expired ten minutes ago. */
    private static String expiredOfficerToken() {
        Instant tenMinutesAgo = Instant.now().minus(10, ChronoUnit.MINUTES);
        Date before = Date.from(tenMinutesAgo.minus(15, ChronoUnit.MINUTES));
        return tokenSignedAgain(OFFICER, claims -> claims.issueTime(before).notBeforeTime(before)
                .expirationTime(Date.from(tenMinutesAgo)));
    }
}
