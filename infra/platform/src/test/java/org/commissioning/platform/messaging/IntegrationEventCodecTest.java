package org.commissioning.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class IntegrationEventCodecTest {

    static final Instant AT = Instant.parse("2018-04-03T09:15:00Z");
    static final ContractRegistered REGISTERED = new ContractRegistered("c-1", "Imago", "YOUNG_CARERS",
            new Lot("COUNTY", List.of(), List.of()), null, LocalDate.of(2016, 4, 1), null);

    final IntegrationEventCodec codec = new IntegrationEventCodec();

    @Test
    void roundTripsAnEventWithItsEnvelope() {
        IntegrationEvent<ContractRegistered> event = IntegrationEvent.of("e-1", "/contract-service", "c-1",
                Instant.parse("2018-04-03T09:15:00Z"), 7, "officer.jones", "corr-1",
                new ContractRegistered("c-1", "Imago", "YOUNG_CARERS", new Lot("COUNTY", List.of("North"), List.of("Dartford")),
                        new BigDecimal("325484.88"), LocalDate.of(2016, 4, 1), LocalDate.of(2020, 9, 30)));

        IntegrationEvent<?> decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.topic()).isEqualTo("contracts.events.v1");
    }

    @Test
    void roundTripsTheActorsNameAndTheActorWhoStartedTheChain() throws Exception {
        IntegrationEvent<ContractRegistered> event = IntegrationEvent.of("e-1", "/contract-service", "c-1", AT, 7,
                "system", "system", "corr-1", "provider.nelft", REGISTERED);

        byte[] encoded = codec.encode(event);

        JsonNode json = codec.mapper().readTree(encoded);
        assertThat(json.get("actorname").asText()).isEqualTo("system");
        assertThat(json.get("causedby").asText()).isEqualTo("provider.nelft");
        assertThat(codec.decode(encoded)).isEqualTo(event);
    }

    @Test
    void leavesOutTheOptionalAttributesAnEventDoesNotHave() throws Exception {
        IntegrationEvent<ContractRegistered> event = IntegrationEvent.of("e-1", "/contract-service", "c-1", AT, 7,
                "officer.jones", "corr-1", REGISTERED);

        JsonNode json = codec.mapper().readTree(codec.encode(event));

        assertThat(json.has("actorname")).isFalse();
        assertThat(json.has("causedby")).isFalse();
        assertThat(json.get("data").has("annualValueGbp")).as("null payload fields are still written").isTrue();
    }

    @Test
    void writesDatesAsIsoStringsAndTheTypeWithItsVersion() throws Exception {
        IntegrationEvent<ContractRegistered> event = IntegrationEvent.of("e-1", "/contract-service", "c-1",
                Instant.parse("2018-04-03T09:15:00Z"), 1, "a", "b",
                new ContractRegistered("c-1", "Imago", "YOUNG_CARERS", new Lot("COUNTY", List.of(), List.of()),
                        null, LocalDate.of(2016, 4, 1), null));

        JsonNode json = codec.mapper().readTree(codec.encode(event));

        assertThat(json.get("type").asText()).isEqualTo("org.commissioning.contracts.ContractRegistered.v1");
        assertThat(json.get("time").asText()).isEqualTo("2018-04-03T09:15:00Z");
        assertThat(json.get("data").get("start").asText()).isEqualTo("2016-04-01");
    }

    @Test
    void readsAnUnknownTypeAsJsonSoItsSequenceStillCounts() {
        String json = """
                {"specversion":"1.0","id":"x","source":"/kpi-service","type":"org.commissioning.kpi.SomethingNew.v3",
                 "subject":"c-9","time":"2019-01-01T00:00:00Z","sequence":4,"data":{"anything":1}}""";

        IntegrationEvent<?> decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(IntegrationEventCodec.isKnown(decoded)).isFalse();
        assertThat(decoded.sequence()).isEqualTo(4);
        assertThat(decoded.subject()).isEqualTo("c-9");
    }

    @Test
    void writesTheSequenceAsAJsonNumberAndReadsOneWrittenAsTheCloudEventsExtensionsString() throws Exception {
        IntegrationEvent<ContractRegistered> event = IntegrationEvent.of("e-1", "/contract-service", "c-1", AT, 7,
                "officer.jones", "corr-1", REGISTERED);
        assertThat(codec.mapper().readTree(codec.encode(event)).get("sequence").isIntegralNumber()).isTrue();
        String asString = """
                {"specversion":"1.0","id":"x","source":"/kpi-service","type":"org.commissioning.kpi.SomethingNew.v3",
                 "subject":"c-9","time":"2019-01-01T00:00:00Z","sequence":"12","data":{}}""";

        assertThat(codec.decode(asString.getBytes(StandardCharsets.UTF_8)).sequence()).isEqualTo(12);
    }

    @Test
    void ignoresFieldsAddedByANewerProducer() {
        String json = """
                {"specversion":"1.0","id":"x","source":"/contract-service","type":"org.commissioning.contracts.ContractRegistered.v1",
                 "subject":"c-1","time":"2019-01-01T00:00:00Z","sequence":1,"newAttribute":true,
                 "data":{"contractId":"c-1","provider":"P","serviceArea":"YOUTH","addedLater":"x",
                         "lot":{"scope":"DISTRICT","areas":["South"],"districts":["Dover"]}}}""";

        ContractRegistered data = (ContractRegistered) codec.decode(json.getBytes(StandardCharsets.UTF_8)).data();

        assertThat(data.provider()).isEqualTo("P");
        assertThat(data.lot().districts()).containsExactly("Dover");
    }

    @Test
    void refusesAMessageThatIsNotACloudEvent() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"t\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("specversion");
    }
}
