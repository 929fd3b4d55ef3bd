package org.commissioning.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.support.GoldenSamples;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The consumer's side of the ContractRegistered.v1 contract: the golden sample contract-service is held to
 * decodes, and every one of its fields reaches the dashboard row.
 */
class ContractRegisteredContractTest {

    static final String GOLDEN = "golden/contracts/ContractRegistered.v1.json";
    static final MongoTemplate MONGO = TestMongoTemplates.create("contract-registered-contract-test");

    /** Reads the sample as written: 120000.00 stays 120000.00. */
    static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    final IntegrationEventCodec codec = new IntegrationEventCodec();
    final DashboardProjection projection = new DashboardProjection(MONGO);
    final DashboardView view = new DashboardView(MONGO);

    @Test
    void theDashboardRowCarriesEveryFieldOfTheGoldenSample() throws Exception {
        byte[] golden = GoldenSamples.bytes(GOLDEN);
        JsonNode sample = EXACT.readTree(golden);
        JsonNode data = sample.get("data");
        assertThat(GoldenSamples.fieldNames(data)).as("fields of ContractRegistered.v1 the dashboard maps")
                .containsExactlyInAnyOrder("contractId", "provider", "serviceArea", "lot", "annualValueGbp", "start", "end");
        assertThat(GoldenSamples.fieldNames(data.get("lot"))).containsExactlyInAnyOrder("scope", "areas", "districts");

        IntegrationEvent<?> event = codec.decode(golden);
        assertThat(event.data()).isInstanceOf(ContractRegistered.class);
        projection.on(event, (ContractRegistered) event.data());

        DashboardContract row = view.contracts(DashboardQuery.all()).stream()
                .filter(r -> r.id().equals(data.get("contractId").asText())).findFirst().orElseThrow();
        assertThat(row.id()).isEqualTo(sample.get("subject").asText());
        assertThat(row.provider()).isEqualTo(data.get("provider").asText());
        assertThat(row.serviceArea()).isEqualTo(data.get("serviceArea").asText());
        assertThat(row.lotScope()).isEqualTo(data.at("/lot/scope").asText());
        assertThat(row.areas()).isEqualTo(texts(data.at("/lot/areas"))).isNotEmpty();
        assertThat(row.districts()).isEqualTo(texts(data.at("/lot/districts"))).isNotEmpty();
        assertThat(row.annualValueGbp()).as("to the penny, as in the sample")
                .isEqualTo(data.get("annualValueGbp").decimalValue());
        assertThat(row.start()).isEqualTo(LocalDate.parse(data.get("start").asText()));
        assertThat(row.end()).isEqualTo(LocalDate.parse(data.get("end").asText()));
        assertThat(row.registeredAt()).isEqualTo(Instant.parse(sample.get("time").asText()));
        assertThat(row.lastEventSequence()).isEqualTo(sample.get("sequence").asLong());
        assertThat(row.lastEventId()).isEqualTo(sample.get("id").asText());
        assertThat(row.status()).isEqualTo("ACTIVE");
        assertThat(row.rag()).isNull();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
