package org.commissioning.contract.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.commissioning.testsupport.ServiceOverHttp;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;

/** contract-service over HTTP for the relay's tests, which bring a broker of their own (RestartableKafka). */
abstract class RelayITs extends ServiceOverHttp {

    /** Registers a youth contract of {@code provider} in {@code district}; its id. */
    String register(String provider, String district) throws JsonProcessingException {
        ResponseEntity<String> response = post("/api/contracts", """
                {"provider":"%s","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["%s"]}}"""
                .formatted(provider, district), null);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        return body(response).get("contractId").asText();
    }
}
