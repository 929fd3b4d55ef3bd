package org.commissioning.contract.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.eventhandling.GenericEventMessage;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.ServiceArea;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.relay.IntegrationEventTranslator.Outgoing;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The producer's side of the contract: what contract-service publishes matches the golden sample. */
class ContractEventTranslatorTest {

    final ContractEventTranslator translator = new ContractEventTranslator();
    final IntegrationEventCodec codec = new IntegrationEventCodec();

    @Test
    void translatesARegistrationIntoTheGoldenSampleOfContractRegisteredV1() throws Exception {
        ContractRegisteredEvent stored = new ContractRegisteredEvent("2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10", "Sk8side",
                ServiceArea.YOUTH, Lot.districts("Ashford"), new BigDecimal("120000.00"),
                LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31));

        Outgoing out = translator.translate(GenericEventMessage.asEventMessage(stored)).orElseThrow();

        assertThat(out.subject()).isEqualTo(stored.contractId());
        assertThat(out.payload()).isInstanceOf(ContractRegistered.class);
        JsonNode published = codec.mapper().valueToTree(out.payload());
        assertThat(published).isEqualTo(goldenData("golden/contracts/ContractRegistered.v1.json"));
    }

    @Test
    void translatesACountyLotIntoEveryAreaAndDistrict() {
        ContractRegisteredEvent stored = new ContractRegisteredEvent("c", "CXK", ServiceArea.NEETS, Lot.county(),
                null, null, LocalDate.of(2020, 9, 30));

        ContractRegistered published = (ContractRegistered) translator.translate(
                GenericEventMessage.asEventMessage(stored)).orElseThrow().payload();

        assertThat(published.lot().areas()).containsExactly("North", "East", "South", "West");
        assertThat(published.lot().districts()).hasSize(12);
    }

    private JsonNode goldenData(String resource) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath (infra/events)").isNotNull();
            return codec.mapper().readTree(in).get("data");
        }
    }
}
