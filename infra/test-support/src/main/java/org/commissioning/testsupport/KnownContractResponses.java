package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a service that knows contracts answers for them at {@code GET <api>/{id}}. */
public final class KnownContractResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KnownContractResponses() {
    }

    /** The contract of {@link IntegrationEvents#registered(String, long) registered(id, 1)}, with every field. */
    public static void assertRegisteredOnce(ResponseEntity<String> found, String id) throws JsonProcessingException {
        assertThat(found.getStatusCode().value()).as(found.getBody()).isEqualTo(200);
        JsonNode body = JSON.readTree(found.getBody());
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("provider").asText()).isEqualTo("Sk8side");
        assertThat(body.get("serviceArea").asText()).isEqualTo("YOUTH");
        assertThat(body.get("lotScope").asText()).isEqualTo("DISTRICT");
        assertThat(body.get("districts").toString()).isEqualTo("[\"Ashford\"]");
        assertThat(body.get("start").asText()).isEqualTo("2016-04-01");
        assertThat(body.get("end").asText()).isEqualTo("2019-03-31");
        assertThat(body.get("registeredAt").asText()).isEqualTo(IntegrationEvents.REGISTERED_AT.toString());
        assertThat(body.get("lastSequence").asLong()).isEqualTo(1);
    }
}
