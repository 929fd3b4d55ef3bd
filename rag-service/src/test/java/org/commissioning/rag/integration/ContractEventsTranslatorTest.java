package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.rag.api.KnownContract;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.junit.jupiter.api.Test;

/** The consumer's side of the contract: the golden sample of ContractRegistered.v1 becomes a known contract. */
class ContractEventsTranslatorTest {

    @Test
    void translatesTheGoldenSampleOfContractRegisteredV1() throws Exception {
        IntegrationEvent<?> event;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("golden/contracts/ContractRegistered.v1.json")) {
            assertThat(in).as("golden sample on the classpath (infra/events)").isNotNull();
            event = new IntegrationEventCodec().decode(in.readAllBytes());
        }

        KnownContract known = ContractEventsTranslator.knownContract(event, (ContractRegistered) event.data());

        assertThat(known).isEqualTo(new KnownContract("2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10", "Sk8side", "YOUTH",
                "DISTRICT", List.of("South"), List.of("Ashford"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31),
                Instant.parse("2018-04-03T09:15:00Z"), 1));
    }
}
