package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.query.ContractExpiryScan;
import org.commissioning.contract.query.ContractSummaryProjection;
import org.commissioning.contract.query.OverdueMeetingScan;
import org.commissioning.events.Topics;
import org.commissioning.platform.config.ScheduledScanLockAutoConfiguration;
import org.commissioning.testsupport.EmbeddedMongo;
import org.commissioning.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * contract-service's event store over the real MongoDB driver: events stored before revisions are upcast when read,
 * a long-lived contract is snapshotted and decides from its snapshot, and the scheduled scans run on one of two
 * instances at a time. "Today" is 1 April 2019; the scans wait an hour, so only the test runs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "contract.clock.fixed=2019-04-01T09:00:00Z",
        "contract.monitoring.scan-initial-delay=PT1H",
        "contract.expiry.scan-initial-delay=PT1H"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
@Import(ContractEventStoreIT.TwoInstances.class)
class ContractEventStoreIT {

    static final String EVENTS = "domainevents";
    static final String SNAPSHOTS = "snapshotevents";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, EmbeddedMongo.APPLICATION_DATABASE);
    }

    /** Each scan twice, as two instances of the service would run it, counting the runs that did the work. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TwoInstances {

        @Bean
        CountingExpiryScan firstExpiryScan(ContractSummaryProjection summaries, CommandGateway commands, Clock clock) {
            return new CountingExpiryScan(summaries, commands, clock);
        }

        @Bean
        CountingExpiryScan secondExpiryScan(ContractSummaryProjection summaries, CommandGateway commands, Clock clock) {
            return new CountingExpiryScan(summaries, commands, clock);
        }

        @Bean
        CountingMeetingScan firstMeetingScan(ContractSummaryProjection summaries, CommandGateway commands, Clock clock) {
            return new CountingMeetingScan(summaries, commands, clock);
        }

        @Bean
        CountingMeetingScan secondMeetingScan(ContractSummaryProjection summaries, CommandGateway commands,
                                              Clock clock) {
            return new CountingMeetingScan(summaries, commands, clock);
        }
    }

    static class CountingExpiryScan extends ContractExpiryScan {
        private final AtomicInteger runs = new AtomicInteger();

        CountingExpiryScan(ContractSummaryProjection summaries, CommandGateway commands, Clock clock) {
            super(summaries, commands, clock);
        }

        @Override
        public List<String> scan() {
            runs.incrementAndGet();
            return super.scan();
        }

        /** Through the lock's proxy, which holds no state of its own. */
        public int runs() {
            return runs.get();
        }
    }

    static class CountingMeetingScan extends OverdueMeetingScan {
        private final AtomicInteger runs = new AtomicInteger();

        CountingMeetingScan(ContractSummaryProjection summaries, CommandGateway commands, Clock clock) {
            super(summaries, commands, clock);
        }

        @Override
        public List<String> scan() {
            runs.incrementAndGet();
            return super.scan();
        }

        /** Through the lock's proxy, which holds no state of its own. */
        public int runs() {
            return runs.get();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway commands;
    @Autowired
    @Qualifier("firstExpiryScan")
    CountingExpiryScan firstExpiryScan;
    @Autowired
    @Qualifier("secondExpiryScan")
    CountingExpiryScan secondExpiryScan;
    @Autowired
    @Qualifier("firstMeetingScan")
    CountingMeetingScan firstMeetingScan;
    @Autowired
    @Qualifier("secondMeetingScan")
    CountingMeetingScan secondMeetingScan;

    final ObjectMapper json = new ObjectMapper();

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

        atOnce(firstExpiryScan::scheduled, secondExpiryScan::scheduled);
        atOnce(firstMeetingScan::scheduled, secondMeetingScan::scheduled);

        assertThat(firstExpiryScan.runs() + secondExpiryScan.runs()).isEqualTo(1);
        assertThat(firstMeetingScan.runs() + secondMeetingScan.runs()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(ended).equals("EXPIRED"));
        assertThat(json.readTree(http().get().uri("/api/contracts/" + ended + "/history").retrieve().body(String.class))
                .findValuesAsText("type")).containsExactly("ContractRegistered", "ContractExpired");
        assertThat(mongo.getCollection(ScheduledScanLockAutoConfiguration.COLLECTION).distinct("_id", String.class))
                .contains("contract-service.expiry-scan", "contract-service.overdue-meeting-scan");

        // an instance that comes round again within the interval finds the lease still held
        secondExpiryScan.scheduled();
        firstExpiryScan.scheduled();
        assertThat(firstExpiryScan.runs() + secondExpiryScan.runs()).isEqualTo(1);
    }

    private static void atOnce(Runnable first, Runnable second) {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> awaitThen(start, first));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> awaitThen(start, second));
        start.countDown();
        CompletableFuture.allOf(one, two).join();
    }

    private static void awaitThen(CountDownLatch start, Runnable run) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        run.run();
    }

    private String register(String term) throws Exception {
        String body = """
                {"provider":"Salus","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Maidstone"]},%s}"""
                .formatted(term);
        var response = http().post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json.readTree(response.getBody()).get("contractId").asText();
    }

    private String status(String id) throws Exception {
        var response = http().get().uri("/api/contracts/" + id).retrieve().toEntity(String.class);
        return response.getStatusCode().value() == 200 ? json.readTree(response.getBody()).get("status").asText() : "";
    }

    private RestClient http() {
        return TestHttp.client(port);
    }
}
