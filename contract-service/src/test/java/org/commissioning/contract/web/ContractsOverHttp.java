package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.commissioning.testsupport.TestHttp;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Contracts registered and read over HTTP, for the service's integration tests. */
final class ContractsOverHttp {

    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();

    ContractsOverHttp(int port) {
        this.http = TestHttp.client(port);
    }

    RestClient http() {
        return http;
    }

    /** Registers a youth contract in Maidstone with {@code term} (JSON members) and returns its id. */
    String register(String term) throws JsonProcessingException {
        String body = """
                {"provider":"Salus","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Maidstone"]},%s}"""
                .formatted(term);
        var response = http.post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json.readTree(response.getBody()).get("contractId").asText();
    }

    /** The contract's status, or "" while it is not found. */
    String status(String id) throws JsonProcessingException {
        var response = http.get().uri("/api/contracts/" + id).retrieve().toEntity(String.class);
        return response.getStatusCode().value() == 200 ? json.readTree(response.getBody()).get("status").asText() : "";
    }
}
