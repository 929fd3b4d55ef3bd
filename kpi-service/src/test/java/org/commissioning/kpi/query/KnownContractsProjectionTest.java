package org.commissioning.kpi.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.commissioning.embedded.MongoWireServer;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.kpi.api.KnownContract;
import org.commissioning.kpi.integration.ContractEventsTranslator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

class KnownContractsProjectionTest {

    static final MongoWireServer SERVER = MongoWireServer.inMemoryOnFreePort().start();
    static final MongoClient CLIENT = MongoClients.create(SERVER.connectionString());

    final MongoTemplate mongo = new MongoTemplate(CLIENT, "test");
    final KnownContractsProjection projection = new KnownContractsProjection(mongo);

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.stop();
    }

    @Test
    void applyingTheSameRegistrationTwiceLeavesOneIdenticalDocument() {
        String id = "2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10";
        IntegrationEvent<ContractRegistered> event = IntegrationEvent.of("7d0b6f6e-4f3c-4a8e-9d2b-1c6a5e4f3b21",
                "/contract-service", id, Instant.parse("2018-04-03T09:15:00Z"), 1, "officer.jones", "corr-1",
                new ContractRegistered(id, "Sk8side", "YOUTH", new Lot("DISTRICT", List.of("South"), List.of("Ashford")),
                        new BigDecimal("120000.00"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31)));

        projection.on(ContractEventsTranslator.knownContract(event, event.data()));
        List<Document> afterOnce = documents();
        projection.on(ContractEventsTranslator.knownContract(event, event.data()));
        List<Document> afterTwice = documents();

        assertThat(afterOnce).hasSize(1);
        assertThat(afterOnce.get(0).get("_id")).isEqualTo(id);
        assertThat(afterTwice).isEqualTo(afterOnce);
        assertThat(projection.find(id)).contains(new KnownContract(id, "Sk8side", "YOUTH", "DISTRICT",
                List.of("South"), List.of("Ashford"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31),
                Instant.parse("2018-04-03T09:15:00Z"), 1));
        assertThat(projection.all()).extracting(KnownContract::id).containsExactly(id);
    }

    private List<Document> documents() {
        return mongo.getCollection(KnownContractsProjection.COLLECTION).find().into(new ArrayList<>());
    }
}
