package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.application.ExpireEndedContracts;
import org.commissioning.contract.query.ContractSummaryProjection;
import org.commissioning.contract.application.FlagOverdueMeetings;
import org.commissioning.platform.config.ScheduledScanLockAutoConfiguration;
import org.commissioning.testsupport.Concurrently;
import org.commissioning.testsupport.CountingClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * contract-service's event store over the real MongoDB driver: events stored before revisions are upcast when read,
 * a long-lived contract is snapshotted and decides from its snapshot, and the scheduled scans run on one of two
 * instances at a time. "Today" is 1 April 2019; the scans wait an hour, so only the test runs them.
 */
@Import(ContractEventStoreIT.TwoInstances.class)
class ContractEventStoreIT extends OnFirstApril2019 {

    static final String EVENTS = EVENT_STORE;
    static final String SNAPSHOTS = "snapshotevents";

    static final Clock TODAY = Clock.fixed(Instant.parse("2019-04-01T09:00:00Z"), ZoneId.of("Europe/London"));
    /** Each scan reads "today" once per run: the clocks of two instances of each scan tell which of them ran. */
    static final CountingClock FIRST_EXPIRY = new CountingClock(TODAY);
    static final CountingClock SECOND_EXPIRY = new CountingClock(TODAY);
    static final CountingClock FIRST_MEETINGS = new CountingClock(TODAY);
    static final CountingClock SECOND_MEETINGS = new CountingClock(TODAY);

    /** Each scan twice, as two instances of the service would run it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TwoInstances {

        @Bean
        ExpireEndedContracts firstExpiryScan(ContractSummaryProjection summaries, CommandGateway commands) {
            return new ExpireEndedContracts(summaries, commands, FIRST_EXPIRY);
        }

        @Bean
        ExpireEndedContracts secondExpiryScan(ContractSummaryProjection summaries, CommandGateway commands) {
            return new ExpireEndedContracts(summaries, commands, SECOND_EXPIRY);
        }

        @Bean
        FlagOverdueMeetings firstMeetingScan(ContractSummaryProjection summaries, CommandGateway commands) {
            return new FlagOverdueMeetings(summaries, commands, FIRST_MEETINGS);
        }

        @Bean
        FlagOverdueMeetings secondMeetingScan(ContractSummaryProjection summaries, CommandGateway commands) {
            return new FlagOverdueMeetings(summaries, commands, SECOND_MEETINGS);
        }
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway commands;
    @Autowired
    @Qualifier("firstExpiryScan")
    ExpireEndedContracts firstExpiryScan;
    @Autowired
    @Qualifier("secondExpiryScan")
    ExpireEndedContracts secondExpiryScan;
    @Autowired
    @Qualifier("firstMeetingScan")
    FlagOverdueMeetings firstMeetingScan;
    @Autowired
    @Qualifier("secondMeetingScan")
    FlagOverdueMeetings secondMeetingScan;

    @Test
    void readsAContractRegisteredStoredBeforeRevisionsWithoutAnExtensionAsRevisionOneWithNone() throws Exception {
        String template = register("\"start\":\"2016-04-01\",\"end\":\"2020-03-31\",\"extensionMonths\":12");
        Document stored = mongo.getCollection(EVENTS).find(new Document("aggregateIdentifier", template)).first();
        assertThat(stored.getString("payloadRevision")).isEqualTo("1");

        String id = UUID.randomUUID().toString();
        ObjectNode payload = (ObjectNode) json.readTree(stored.getString("serializedPayload"));
        payload.put("contractId", id);
        payload.remove("extensionMonths");
        Document old = new Document(stored);
        old.remove("_id");
        old.put("aggregateIdentifier", id);
        old.put("eventIdentifier", UUID.randomUUID().toString());
        old.put("payloadRevision", null);
        old.put("serializedPayload", json.writeValueAsString(payload));
        mongo.getCollection(EVENTS).insertOne(old);

        DomainEventMessage<?> registered = eventStore.readEvents(id).asStream().findFirst().orElseThrow();
        assertThat(registered.getPayload()).isInstanceOfSatisfying(ContractRegisteredEvent.class,
                event -> assertThat(event.extensionMonths()).isZero());

        var extension = http().post().uri("/api/contracts/" + id + "/extension").contentType(MediaType.APPLICATION_JSON)
                .body("{}").exchange((request, response) -> json.readTree(response.getBody()));
        assertThat(extension.path("rule").asText()).isEqualTo("extension-option-required");
        assertThat(extension.path("currentState").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void snapshotsALongLivedContractWhichThenDecidesFromItsSnapshot() throws Exception {
        String id = register("\"start\":\"2014-04-01\",\"end\":\"2020-03-31\"");
        for (YearMonth period = YearMonth.of(2014, 4); period.isBefore(YearMonth.of(2019, 4));
             period = period.plusMonths(1)) {
            commands.sendAndWait(new AuthorisePaymentCommand(id, null, period, "Delivered", null));
        }

        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.getCollection(SNAPSHOTS).countDocuments(new Document("aggregateIdentifier", id)) > 0);

        var again = http().post().uri("/api/contracts/" + id + "/payments/2014-05/authorisation")
                .contentType(MediaType.APPLICATION_JSON).body("{\"rationale\":\"Delivered\"}")
                .exchange((request, response) -> json.readTree(response.getBody()));
        assertThat(again.path("rule").asText()).isEqualTo("payment-already-decided");
        assertThat(again.path("currentState").asText()).isEqualTo("AUTHORISED");
        var withheld = http().post().uri("/api/contracts/" + id + "/payments/2019-04/withholding")
                .contentType(MediaType.APPLICATION_JSON).body("{\"rationale\":\"No return\"}")
                .retrieve().toEntity(String.class);
        assertThat(withheld.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(withheld.getBody()).path("version").asLong()).isEqualTo(61);
    }

    @Test
    void twoInstancesScanningAtOnceExpireAContractOnceAndOnlyOneOfThemScans() throws Exception {
        String ended = register("\"start\":\"2016-04-01\",\"end\":\"2019-03-31\"");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(ended).equals("ACTIVE"));

        Concurrently.run(firstExpiryScan::scheduled, secondExpiryScan::scheduled);
        Concurrently.run(firstMeetingScan::scheduled, secondMeetingScan::scheduled);

        assertThat(FIRST_EXPIRY.reads() + SECOND_EXPIRY.reads()).isEqualTo(1);
        assertThat(FIRST_MEETINGS.reads() + SECOND_MEETINGS.reads()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(ended).equals("EXPIRED"));
        assertThat(historyTypes(ended)).containsExactly("ContractRegistered", "ContractExpired");
        assertThat(mongo.getCollection(ScheduledScanLockAutoConfiguration.COLLECTION).distinct("_id", String.class))
                .contains("contract-service.expiry-scan", "contract-service.overdue-meeting-scan");

        // an instance that comes round again within the interval finds the lease still held
        secondExpiryScan.scheduled();
        firstExpiryScan.scheduled();
        assertThat(FIRST_EXPIRY.reads() + SECOND_EXPIRY.reads()).isEqualTo(1);
    }
}
