package org.commissioning.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * kpi-service over HTTP on an embedded broker: the contracts it knows are registered on {@code contracts.events.v1}
 * as contract-service would, and what it publishes is read from {@code kpi.events.v1}. The tests that keep this
 * configuration share one application context; the overdue scan is off unless a test declares its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "kpi.returns.overdue-scan.enabled=false"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = {Topics.CONTRACTS, Topics.KPI})
abstract class KpiServiceOverHttp extends ServiceOnEmbeddedKafka {

    static final String CONTRACTS = "/api/kpi/contracts/";
    static final String OFFICER = "officer.jones";
    static final Lot SOUTH = new Lot("AREA", List.of("South"), List.of("Ashford", "Dover", "Folkestone and Hythe"));

    /** October 2018's return of a contract with the template framework, as its provider gives it. */
    static final String OCTOBER_RETURN = """
            {"period":"2018-10","narrative":"Crisis cover was short in the second half of the month.",
             "values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97},
                       {"kpiCode":"CALLS-TRIAGED-24H","district":"Ashford","value":95},
                       {"kpiCode":"LAC-ASSESSED-2W","numerator":2,"denominator":3},
                       {"kpiCode":"CRISIS-TREATED-4H","value":85}]}""";

    /**
     * {@link #OCTOBER_RETURN} of the contract as its provider submits it, the council's figure of LAC-ASSESSED-2W (50,
     * flagged against the provider's 66.67) and an officer's resolution.
     */
    void octoberWithAResolvedDiscrepancy(String id) {
        String october = CONTRACTS + id + "/returns/2018-10";
        created(post(CONTRACTS + id + "/returns", OCTOBER_RETURN, "nelft.performance"));
        created(post(october + "/council-figures", """
                {"values":[{"kpiCode":"LAC-ASSESSED-2W","value":50}]}""", OFFICER));
        created(post(october + "/discrepancies/LAC-ASSESSED-2W/resolution", """
                {"note":"The council's count missed two assessments"}""", OFFICER));
    }

    /** Publishes NELFT's contract registration as contract-service would and waits until this service knows it. */
    String knownContract(String serviceArea, Lot lot, LocalDate start, LocalDate end) {
        String id = UUID.randomUUID().toString();
        send(Topics.CONTRACTS, IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id,
                IntegrationEvents.REGISTERED_AT, 1, new ContractRegistered(id, "NELFT", serviceArea, lot,
                        new BigDecimal("2650000.00"), start, end)));
        await().atMost(PATIENCE).until(() -> get(CONTRACTS + id).getStatusCode().value() == 200);
        return id;
    }

    /** A known emotional health and wellbeing contract in the South from {@code start} to {@code end}. */
    String registered(LocalDate start, LocalDate end) {
        return knownContract("EMOTIONAL_HEALTH_AND_WELLBEING", SOUTH, start, end);
    }

    /** A contract known as {@link #registered(LocalDate, LocalDate)}, its template framework in force from {@code effectiveFrom}. */
    String withTemplateFramework(LocalDate start, LocalDate end, String effectiveFrom) {
        String id = registered(start, end);
        assertThat(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"%s","fromTemplate":true}""".formatted(effectiveFrom)).getStatusCode().value())
                .isEqualTo(201);
        return id;
    }

    /** A contract known as {@link #registered()}, its template framework in force from {@code effectiveFrom}. */
    String withTemplateFramework(String effectiveFrom) {
        return withTemplateFramework(LocalDate.of(2017, 4, 1), LocalDate.of(2099, 3, 31), effectiveFrom);
    }

    /** A 409 problem breaking {@code rule}, naming the state the change met. */
    JsonNode conflict(ResponseEntity<String> response, String rule, String currentState) throws Exception {
        JsonNode problem = problem(response, 409);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
        assertThat(problem.get("currentState").asText()).isEqualTo(currentState);
        return problem;
    }

    /** A known emotional health and wellbeing contract in the South from April 2017 to March 2099. */
    String registered() {
        return registered(LocalDate.of(2017, 4, 1), LocalDate.of(2099, 3, 31));
    }

    /** The contract's events on kpi.events.v1, in order, once at least {@code atLeast} have arrived. */
    List<IntegrationEvent<?>> published(String contractId, int atLeast) {
        List<IntegrationEvent<?>> events = published(Topics.KPI, contractId, atLeast);
        assertThat(events).as("events of %s on %s", contractId, Topics.KPI).hasSizeGreaterThanOrEqualTo(atLeast);
        return events;
    }

    /**
     * Now, once the clock has left the current millisecond (the event store records milliseconds): what is stored
     * from here on is stored after the instant answered.
     */
    static Instant afterThisMillisecond() {
        Instant now = Instant.now();
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(now.plusMillis(1)));
        return now;
    }

    /** Asserts that the change was accepted (201). */
    static void created(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    }

    /** PUTs a JSON body as the officer. */
    ResponseEntity<String> put(String path, String body) {
        return put(path, body, OFFICER);
    }

    /** POSTs a CSV body as the officer. */
    ResponseEntity<String> csv(String path, String body) {
        return csv(path, body, OFFICER);
    }
}
