package org.commissioning.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The rows of {@code /api/dashboard/contracts} as a client reads them over HTTP. */
public final class DashboardRows {

    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();

    public DashboardRows(RestClient http) {
        this.http = http;
    }

    /** The rows the dashboard answers with for a query string ({@code null} for none), asserting a 200. */
    public List<JsonNode> rows(String query) {
        var response = http.get().uri("/api/dashboard/contracts" + (query == null ? "" : "?" + query))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        try {
            List<JsonNode> rows = new ArrayList<>();
            json.readTree(response.getBody()).forEach(rows::add);
            return rows;
        } catch (Exception e) {
            throw new AssertionError("Not a JSON array: " + response.getBody(), e);
        }
    }

    public List<String> ids(String query) {
        return rows(query).stream().map(r -> r.get("id").asText()).toList();
    }

    /** Waits until the contract shows on the dashboard, and returns its row. */
    public JsonNode awaitRow(String id, Duration wait) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(wait).untilAsserted(() -> {
            found[0] = rows(null).stream().filter(r -> r.get("id").asText().equals(id)).findFirst().orElse(null);
            assertThat(found[0]).as("dashboard row of " + id).isNotNull();
        });
        return found[0];
    }
}
