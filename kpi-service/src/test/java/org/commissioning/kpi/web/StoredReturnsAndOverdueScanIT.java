package org.commissioning.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.kpi.overdue.OverdueReturnsScan;
import org.commissioning.kpi.query.ContractStatusView;
import org.commissioning.kpi.query.KnownContractsProjection;
import org.commissioning.kpi.query.KpiFrameworks;
import org.commissioning.kpi.query.MonthlyReturnsProjection;
import org.commissioning.platform.config.ScheduledScanLockAutoConfiguration;
import org.commissioning.testsupport.EmbeddedMongo;
import org.commissioning.testsupport.EventSender;
import org.commissioning.testsupport.IntegrationEvents;
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
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * kpi-service's event store and its overdue scan over the real MongoDB driver: a return stored before events had
 * revisions (and before due dates were recorded) still reads and still decides, and two instances scanning at once
 * record each overdue return once, one of them doing the scan. The scheduled scan waits an hour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "kpi.returns.overdue-scan.enabled=true", "kpi.returns.overdue-scan.initial-delay=PT1H"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = {Topics.CONTRACTS, Topics.KPI})
@Import(StoredReturnsAndOverdueScanIT.TwoInstances.class)
class StoredReturnsAndOverdueScanIT {

    static final String CONTRACTS = "/api/kpi/contracts/";
    static final String EVENTS = "domainevents";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final Lot SOUTH = new Lot("AREA", List.of("South"), List.of("Ashford", "Dover", "Folkestone and Hythe"));

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, EmbeddedMongo.APPLICATION_DATABASE);
    }

    /** The overdue scan twice, as two instances of the service would run it, counting the runs that did the work. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TwoInstances {

        @Bean
        CountingScan firstScan(KnownContractsProjection contracts, KpiFrameworks frameworks,
                               MonthlyReturnsProjection returns, ContractStatusView statuses, CommandGateway commands,
                               Clock clock) {
            return new CountingScan(contracts, frameworks, returns, statuses, commands, clock);
        }

        @Bean
        CountingScan secondScan(KnownContractsProjection contracts, KpiFrameworks frameworks,
                                MonthlyReturnsProjection returns, ContractStatusView statuses, CommandGateway commands,
                                Clock clock) {
            return new CountingScan(contracts, frameworks, returns, statuses, commands, clock);
        }
    }

    static class CountingScan extends OverdueReturnsScan {
        private final AtomicInteger runs = new AtomicInteger();

        CountingScan(KnownContractsProjection contracts, KpiFrameworks frameworks, MonthlyReturnsProjection returns,
                     ContractStatusView statuses, CommandGateway commands, Clock clock) {
            super(contracts, frameworks, returns, statuses, commands, clock, 15);
        }

        @Override
        public int scan() {
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
    EmbeddedKafkaBroker kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("firstScan")
    CountingScan first;
    @Autowired
    @Qualifier("secondScan")
    CountingScan second;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aReturnStoredBeforeRevisionsAndDueDatesStillReadsAndIsNotSubmittedTwice() throws Exception {
        String id = registered(LocalDate.of(2018, 4, 1), LocalDate.of(2018, 10, 31));
        assertThat(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2018-04","fromTemplate":true}""").getStatusCode().value()).isEqualTo(201);
        assertThat(post(CONTRACTS + id + "/returns", """
                {"period":"2018-10","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97}]}""").getStatusCode()
                .value()).isEqualTo(201);
        Document stored = mongo.getCollection(EVENTS).find(new Document("payloadType",
                MonthlyReturnSubmittedEvent.class.getName())
                .append("aggregateIdentifier", MonthlyReturnId.of(id, YearMonth.of(2018, 10)))).first();
        assertThat(stored.getString("payloadRevision")).isEqualTo("1");

        String september = MonthlyReturnId.of(id, YearMonth.of(2018, 9));
        ObjectNode payload = (ObjectNode) json.readTree(stored.getString("serializedPayload"));
        payload.put("returnId", september);
        payload.put("period", "2018-09");
        payload.remove(List.of("dueDate", "late"));
        Document old = new Document(stored);
        old.remove("_id");
        old.put("aggregateIdentifier", september);
        // after any ReturnOverdue the other test's scan may have recorded for it
        old.put("sequenceNumber", mongo.getCollection(EVENTS).countDocuments(
                new Document("aggregateIdentifier", september)));
        old.put("eventIdentifier", UUID.randomUUID().toString());
        old.put("payloadRevision", null);
        old.put("serializedPayload", json.writeValueAsString(payload));
        mongo.getCollection(EVENTS).insertOne(old);

        DomainEventMessage<?> submitted = eventStore.readEvents(september).asStream()
                .filter(event -> event.getPayload() instanceof MonthlyReturnSubmittedEvent).findFirst().orElseThrow();
        assertThat(submitted.getPayload()).isEqualTo(new MonthlyReturnSubmittedEvent(september, id,
                YearMonth.of(2018, 9), 1, payload.path("narrative").textValue(), payload.path("submittedBy").asText()));
        ResponseEntity<String> again = post(CONTRACTS + id + "/returns", """
                {"period":"2018-09","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97}]}""");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(again.getBody()).path("rule").asText()).isEqualTo("return-already-submitted");
    }

    @Test
    void twoInstancesScanningAtOnceRecordEachOverdueReturnOnceAndOnlyOneOfThemScans() throws Exception {
        String id = registered(LocalDate.of(2017, 4, 1), LocalDate.of(2017, 9, 30));
        assertThat(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2017-04","fromTemplate":true}""").getStatusCode().value()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> get(CONTRACTS + id + "/framework").getStatusCode().value() == 200);

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> awaitThen(start, first::scheduled));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> awaitThen(start, second::scheduled));
        start.countDown();
        CompletableFuture.allOf(one, two).join();

        assertThat(first.runs() + second.runs()).isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(json.readTree(
                get(CONTRACTS + id + "/returns/overdue").getBody()).findValuesAsText("period"))
                .containsExactlyInAnyOrder("2017-04", "2017-05", "2017-06", "2017-07", "2017-08", "2017-09"));
        assertThat(mongo.getCollection(EVENTS).countDocuments(new Document("payloadType",
                ReturnOverdueEvent.class.getName()).append("aggregateIdentifier",
                new Document("$regex", "^" + id)))).isEqualTo(6);
        assertThat(mongo.getCollection(ScheduledScanLockAutoConfiguration.COLLECTION).distinct("_id", String.class))
                .contains("kpi-service.overdue-returns-scan");
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

    private String registered(LocalDate start, LocalDate end) {
        String id = UUID.randomUUID().toString();
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS, IntegrationEvents.contractEvent(
                UUID.randomUUID().toString(), id, IntegrationEvents.REGISTERED_AT, 1,
                new ContractRegistered(id, "NELFT", "EMOTIONAL_HEALTH_AND_WELLBEING", SOUTH,
                        new BigDecimal("2650000.00"), start, end)));
        await().atMost(PATIENCE).until(() -> get(CONTRACTS + id).getStatusCode().value() == 200);
        return id;
    }

    private ResponseEntity<String> get(String path) {
        return TestHttp.client(port).get().uri(path).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> put(String path, String body) {
        return TestHttp.client(port).put().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("X-Actor", "officer.jones").body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> post(String path, String body) {
        return TestHttp.client(port).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("X-Actor", "nelft").body(body).retrieve().toEntity(String.class);
    }
}
