package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commissioning.embedded.TopicReader;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.ratings.v1.PerformanceNoticeOverdue;
import org.commissioning.platform.config.ScheduledScanLockAutoConfiguration;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.rag.RagServiceApplication;
import org.commissioning.rag.api.PerformanceNoticeCommands;
import org.commissioning.rag.application.PerformanceNoticeScan;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The overdue notice scan across a restart: rag-service, with "now" fixed at 1 May 2026, learns of a contract in
 * scope of s.52 from 2025-04 with three KPIs; its scan records the notice of the year 2025-04..2026-03 (due by 30
 * April 2026) overdue once, publishes PerformanceNoticeOverdue.v1 and, scanning again, nothing more. The service is
 * stopped and started again on the same database and broker: the scheduled scan (under its lease) records nothing
 * new and the schedule still shows the notice overdue, because the state is in the event store, not in memory.
 */
class PerformanceNoticeScanRestartIT {

    @RegisterExtension
    static final RestartableKafka KAFKA = new RestartableKafka("notice-scan-restart");
    static final String OVERDUE = "org.commissioning.ratings.PerformanceNoticeOverdue.v1";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final String database = "rag-notice-restart-" + UUID.randomUUID();
    final ObjectMapper json = new ObjectMapper();
    final IntegrationEventCodec codec = new IntegrationEventCodec();

    @Test
    void raisesAnOverdueNoticeOnceAndNotAgainAfterARestart() throws Exception {
        String id = UUID.randomUUID().toString();
        String noticesId = PerformanceNoticeCommands.id(id);
        try (ConfigurableApplicationContext first = start()) {
            EventSender.send(KAFKA.bootstrapServers(), Topics.CONTRACTS, PerformanceNoticesIT.inScope(id));
            EventSender.send(KAFKA.bootstrapServers(), Topics.KPI,
                    PerformanceNoticesIT.aYearOfValues(id).get(0));
            MongoTemplate mongo = first.getBean(MongoTemplate.class);
            await().atMost(PATIENCE).until(() -> stored(mongo, id) > 0
                    && get(first, "/api/ratings/contracts/" + id).path("id").asText().equals(id));
            PerformanceNoticeScan scan = first.getBean(PerformanceNoticeScan.class);

            assertThat(scan.scan()).isEqualTo(1);
            assertThat(scan.scan()).as("scanning again").isZero();
            assertThat(stored(mongo, noticesId)).isEqualTo(1);

            List<ConsumerRecord<byte[], byte[]>> published = TopicReader.recordsWithKey(KAFKA.bootstrapServers(),
                    Topics.RATINGS, id, 2, PATIENCE);
            List<IntegrationEvent<?>> overdue = published.stream().<IntegrationEvent<?>>map(r -> codec.decode(r.value()))
                    .filter(e -> e.type().equals(OVERDUE)).toList();
            assertThat(overdue).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("system");
                assertThat(e.data()).isEqualTo(new PerformanceNoticeOverdue(id, YearMonth.of(2025, 4),
                        YearMonth.of(2026, 3), LocalDate.of(2026, 4, 30), "ANNUAL"));
            });
        }

        try (ConfigurableApplicationContext second = start()) {
            MongoTemplate mongo = second.getBean(MongoTemplate.class);
            assertThat(mongo.getCollection(ScheduledScanLockAutoConfiguration.COLLECTION)
                    .countDocuments(new org.bson.Document("_id", "rag-service.performance-notice-scan")))
                    .as("no lease taken before the scheduled scan").isZero();

            second.getBean(PerformanceNoticeScan.class).scheduled();

            assertThat(mongo.getCollection(ScheduledScanLockAutoConfiguration.COLLECTION)
                    .countDocuments(new org.bson.Document("_id", "rag-service.performance-notice-scan")))
                    .as("the scheduled scan ran under its lease").isOne();
            assertThat(stored(mongo, noticesId)).as("nothing raised again after the restart").isEqualTo(1);
            JsonNode schedule = get(second, "/api/ratings/contracts/" + id + "/performance-notices");
            assertThat(schedule.at("/years/0/overdue").asBoolean()).as(schedule.toString()).isTrue();
            assertThat(schedule.at("/years/0/status").asText()).isEqualTo("NONE");
            assertThat(TopicReader.recordsWithKey(KAFKA.bootstrapServers(), Topics.RATINGS, id, 3,
                    Duration.ofSeconds(5)).stream().map(r -> codec.decode(r.value()).type())
                    .filter(OVERDUE::equals)).as("published once").hasSize(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RagServiceApplication.class).run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + EmbeddedMongo.connectionString() + "/" + database,
                "--platform.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                "--rag.clock.fixed=2026-05-01T06:00:00Z",
                "--rag.notices.overdue-scan.initial-delay=PT1H");
    }

    private static long stored(MongoTemplate mongo, String aggregateId) {
        return mongo.count(Query.query(Criteria.where("aggregateIdentifier").is(aggregateId)), "domainevents");
    }

    private JsonNode get(ConfigurableApplicationContext context, String path) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return json.readTree(TestHttp.client(port).get().uri(path).header("X-Actor", "officer.jones").retrieve()
                .toEntity(String.class).getBody());
    }
}
