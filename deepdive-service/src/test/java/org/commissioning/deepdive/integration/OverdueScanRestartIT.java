package org.commissioning.deepdive.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commissioning.deepdive.DeepdiveServiceApplication;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.application.DeepDiveOverdueScan;
import org.commissioning.embedded.TopicReader;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.deepdives.v1.DeepDiveOverdue;
import org.commissioning.platform.config.ScheduledScanLockAutoConfiguration;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.testsupport.EmbeddedMongo;
import org.commissioning.testsupport.EventSender;
import org.commissioning.testsupport.RestartableKafka;
import org.commissioning.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The overdue scan across a restart: deepdive-service, with "now" fixed at 1 June 2018, learns of a contract that
 * started in April 2016; the officer opens the programme of 2018-19, so its deep dive is due by 30 April 2018. The
 * scan records it overdue once, publishes DeepDiveOverdue.v1 and, scanning again, nothing more. The service is
 * stopped and started again on the same database and broker: the scheduled scan (under its lease) records nothing
 * new and the deep dive still shows OVERDUE, because the state is in the event store, not in memory.
 */
class OverdueScanRestartIT {

    @RegisterExtension
    static final RestartableKafka KAFKA = new RestartableKafka("deepdive-overdue-restart");
    static final String OVERDUE = "org.commissioning.deepdives.DeepDiveOverdue.v1";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final String database = "deepdive-overdue-restart-" + UUID.randomUUID();
    final ObjectMapper json = new ObjectMapper();
    final IntegrationEventCodec codec = new IntegrationEventCodec();

    @Test
    void recordsADeepDiveOverdueOnceAndNotAgainAfterARestart() throws Exception {
        String id = UUID.randomUUID().toString();
        String deepDiveId = DeepDiveCommands.id(id, 2018);
        String dive = "/api/deepdives/contracts/" + id + "/deep-dives/2018";
        try (ConfigurableApplicationContext first = start()) {
            EventSender.send(KAFKA.bootstrapServers(), Topics.CONTRACTS, RunningDeepdiveService.registered(id,
                    "Sk8side", "Ashford", LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31)));
            await().atMost(PATIENCE).until(() -> call(first, "GET", "/api/deepdives/contracts/" + id)
                    .getStatusCode().value() == 200);
            assertThat(call(first, "POST", "/api/deepdives/programmes/2018").getStatusCode().value()).isEqualTo(201);
            await().atMost(PATIENCE).until(() -> body(call(first, "GET", "/api/deepdives/programmes/2018"))
                    .path("rows").size() == 1);
            DeepDiveOverdueScan scan = first.getBean(DeepDiveOverdueScan.class);
            MongoTemplate mongo = first.getBean(MongoTemplate.class);

            assertThat(scan.scan()).isEqualTo(1);
            assertThat(scan.scan()).as("scanning again").isZero();
            assertThat(stored(mongo, deepDiveId)).as("planned, overdue").isEqualTo(2);

            List<IntegrationEvent<?>> overdue = TopicReader.recordsWithKey(KAFKA.bootstrapServers(), Topics.DEEPDIVES,
                    id, 2, PATIENCE).stream().<IntegrationEvent<?>>map(r -> codec.decode(r.value()))
                    .filter(e -> e.type().equals(OVERDUE)).toList();
            assertThat(overdue).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("system");
                assertThat(e.data()).isEqualTo(new DeepDiveOverdue(id, 2018, LocalDate.of(2018, 4, 30)));
            });
        }

        try (ConfigurableApplicationContext second = start()) {
            MongoTemplate mongo = second.getBean(MongoTemplate.class);
            assertThat(leases(mongo)).as("no lease taken before the scheduled scan").isZero();

            second.getBean(DeepDiveOverdueScan.class).scheduled();

            assertThat(leases(mongo)).as("the scheduled scan ran under its lease").isOne();
            assertThat(stored(mongo, deepDiveId)).as("nothing raised again after the restart").isEqualTo(2);
            assertThat(body(call(second, "GET", dive)).get("status").asText()).isEqualTo("OVERDUE");
            JsonNode table = body(call(second, "GET", "/api/deepdives/programmes/2018"));
            assertThat(table.at("/rows/0/status").asText()).isEqualTo("OVERDUE");
            assertThat(table.at("/totals/overdue").asInt()).isOne();
            assertThat(table.at("/totals/pending").asInt()).isOne();
            assertThat(TopicReader.recordsWithKey(KAFKA.bootstrapServers(), Topics.DEEPDIVES, id, 3,
                    Duration.ofSeconds(5)).stream().map(r -> codec.decode(r.value()).type())
                    .filter(OVERDUE::equals)).as("published once").hasSize(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DeepdiveServiceApplication.class).run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + EmbeddedMongo.connectionString() + "/" + database,
                "--platform.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                "--platform.clock.fixed=2018-06-01T06:00:00Z",
                "--deepdive.overdue-scan.initial-delay=PT1H");
    }

    private static long stored(MongoTemplate mongo, String aggregateId) {
        return mongo.count(Query.query(Criteria.where("aggregateIdentifier").is(aggregateId)), "domainevents");
    }

    private static long leases(MongoTemplate mongo) {
        return mongo.getCollection(ScheduledScanLockAutoConfiguration.COLLECTION)
                .countDocuments(new org.bson.Document("_id", DeepDiveOverdueScan.LEASE));
    }

    private ResponseEntity<String> call(ConfigurableApplicationContext context, String method, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return TestHttp.client(port).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header("X-Actor", "officer.jones").retrieve().toEntity(String.class);
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }
}
