package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.bson.Document;
import org.commissioning.contract.application.ExpireEndedContracts;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.HistorySealed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * A contract's lifecycle is hash-chained as it is stored, sealed to the contracts topic, and an edit of its stored
 * events is named by the verification, at the contract's stream and the event's sequence.
 */
class ContractHistoryChainIT extends OnFirstApril2019 {

    @Autowired
    ExpireEndedContracts scan;

    @Test
    void sealsAContractsLifecycleAndNamesTheStoredEventThatWasEdited() throws Exception {
        String id = register("\"start\":\"2016-04-01\",\"end\":\"2019-03-31\"");
        await().atMost(PATIENCE).until(() -> status(id).equals("ACTIVE"));
        scan.scan();
        await().atMost(PATIENCE).until(() -> verification(id).get("recordedThrough").asLong() == 1);
        assertThat(verification(id).get("intact").asBoolean()).isTrue();

        var sealed = post("/api/contracts/history-chain/seals", "{}", "operator.lee");
        assertThat(sealed.getStatusCode().value()).as(sealed.getBody()).isEqualTo(200);
        HistorySealed seal = published(Topics.CONTRACTS, id, 3).stream().map(e -> e.data())
                .filter(HistorySealed.class::isInstance).map(HistorySealed.class::cast).findFirst().orElseThrow();
        assertThat(seal.stream()).isEqualTo(id);
        assertThat(seal.sequence()).isEqualTo(1);
        assertThat(seal.head()).isEqualTo(verification(id).get("head").asText());

        Document registered = mongo.getCollection(EVENT_STORE).find(Filters.and(
                Filters.eq("aggregateIdentifier", id), Filters.eq("sequenceNumber", 0L))).first();
        mongo.getCollection(EVENT_STORE).updateOne(Filters.eq("_id", registered.get("_id")), Updates.set(
                "serializedPayload", registered.getString("serializedPayload").replace("Salus", "Forged Ltd")));
        JsonNode difference = verification(id).get("firstDifference");

        assertThat(difference.get("stream").asText()).isEqualTo(id);
        assertThat(difference.get("sequence").asLong()).isZero();
        assertThat(difference.get("against").asText()).isEqualTo("chain");
        assertThat(difference.get("found").asText()).isNotEqualTo(difference.get("expected").asText());
    }

    JsonNode verification(String id) throws Exception {
        var response = get("/api/contracts/history-chain/streams/" + id + "/verification");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return body(response);
    }
}
