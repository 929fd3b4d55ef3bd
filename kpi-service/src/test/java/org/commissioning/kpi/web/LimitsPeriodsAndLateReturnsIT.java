package org.commissioning.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractExtended;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.bson.Document;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.kpi.application.OverdueReturnsScan;
import org.commissioning.platform.config.ScheduledScanLockAutoConfiguration;
import org.commissioning.testsupport.Concurrently;
import org.commissioning.testsupport.CountingClock;
import org.commissioning.testsupport.IntegrationEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 9 over HTTP: requests beyond the documented limits are refused naming the field (or, for a CSV, each line)
 * and store and publish nothing; framework versions start at most a year ahead; periods stay inside the
 * contract's life; a late return is recorded late with one {@code ReturnOverdue}; year to date keeps to the term.
 * Issue 10: two instances scanning at once record each overdue return once, one of them doing the scan.
 * The overdue scan is on but waits an hour, so only the test runs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "kpi.returns.overdue-scan.enabled=true", "kpi.returns.overdue-scan.initial-delay=PT1H"})
@Import(LimitsPeriodsAndLateReturnsIT.TwoInstances.class)
class LimitsPeriodsAndLateReturnsIT extends KpiServiceOverHttp {

    /** The overdue scan reads "today" once per run: the clocks of two instances of it tell which of them ran. */
    static final CountingClock FIRST = new CountingClock(Clock.system(ZoneId.of("Europe/London")));
    static final CountingClock SECOND = new CountingClock(Clock.system(ZoneId.of("Europe/London")));

    /** The overdue scan twice, as two instances of the service would run it, sharing the lease in MongoDB. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TwoInstances {

        @Bean
        OverdueReturnsScan firstScan(OverdueReturnsScan overdueReturnsScan) {
            return overdueReturnsScan.withClock(FIRST);
        }

        @Bean
        OverdueReturnsScan secondScan(OverdueReturnsScan overdueReturnsScan) {
            return overdueReturnsScan.withClock(SECOND);
        }
    }

    static final String RETURN_OVERDUE = "org.commissioning.kpi.ReturnOverdue.v1";
    static final String HEADER = "kpiCode,district,value,numerator,denominator\n";

    @Autowired
    @Qualifier("overdueReturnsScan")
    OverdueReturnsScan scan;
    @Autowired
    @Qualifier("firstScan")
    OverdueReturnsScan firstScan;
    @Autowired
    @Qualifier("secondScan")
    OverdueReturnsScan secondScan;

    @Test
    void refusesAKpiNameOfOneMebibyteAndOneJustOverItsLimitStoringAndPublishingNothing() throws Exception {
        String id = registered(LocalDate.of(2017, 4, 1), LocalDate.of(2019, 3, 31));
        long stored = storedEvents();
        long published = endOffsets();

        ResponseEntity<String> tooLarge = put(CONTRACTS + id + "/framework", framework("2018-04", "CALLS",
                "x".repeat(1024 * 1024)));
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
        assertThat(tooLarge.getHeaders().getContentType()).hasToString("application/problem+json");

        ResponseEntity<String> refused = put(CONTRACTS + id + "/framework", framework("2018-04", "CALLS",
                "x".repeat(201)));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("kpis[0].name");
        assertThat(problem.at("/errors/0/message").asText()).contains("200");
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(endOffsets()).isEqualTo(published);
        assertThat(get(CONTRACTS + id + "/framework").getStatusCode().value()).isEqualTo(404);

        // the relay publishes in the order of the store: had the refusal stored anything, it would come first
        assertThat(put(CONTRACTS + id + "/framework", framework("2018-04", "CALLS", "Calls answered"))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(publishedTypes(id, 1)).containsExactly("org.commissioning.kpi.KpiFrameworkDefined.v1");
    }

    @Test
    void refusesAFrameworkVersionStartingMoreThanAYearAheadWithTheBounds() throws Exception {
        String id = registered(LocalDate.of(2017, 4, 1), LocalDate.of(2019, 3, 31));
        YearMonth now = YearMonth.now(ZoneId.of("Europe/London"));
        long stored = storedEvents();

        JsonNode farAhead = refused(put(CONTRACTS + id + "/framework", framework("2999-01", "CALLS", "Calls")),
                "effective-from-too-far-ahead", "effectiveFrom");
        assertThat(farAhead.get("detail").asText()).contains(now.toString(), now.plusMonths(12).toString());
        refused(put(CONTRACTS + id + "/framework", framework(now.plusMonths(13).toString(), "CALLS", "Calls")),
                "effective-from-too-far-ahead", "effectiveFrom");
        assertThat(storedEvents()).isEqualTo(stored);

        assertThat(put(CONTRACTS + id + "/framework", framework("2018-04", "CALLS", "Calls"))
                .getStatusCode().value()).isEqualTo(201);
        refused(put(CONTRACTS + id + "/framework", framework("2999-01", "CALLS", "Calls")),
                "effective-from-too-far-ahead", "effectiveFrom");
        ResponseEntity<String> nextYear = put(CONTRACTS + id + "/framework",
                framework(now.plusMonths(12).toString(), "CALLS", "Calls"));
        assertThat(nextYear.getStatusCode().value()).as(nextYear.getBody()).isEqualTo(200);
        assertThat(json.readTree(get(CONTRACTS + id + "/framework").getBody()).get("effectiveFrom").asText())
                .isEqualTo(now.plusMonths(12).toString());
    }

    @Test
    void refusesMoreKpisOrValuesThanTheLimitNamingTheCollection() throws Exception {
        String id = registered(LocalDate.of(2017, 4, 1), LocalDate.of(2019, 3, 31));
        String kpis = IntStream.range(0, 51).mapToObj(i -> kpi("K" + i, "KPI " + i, i == 0))
                .collect(Collectors.joining(","));
        long stored = storedEvents();

        refusedField(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2018-04","kpis":[%s]}""".formatted(kpis)), "kpis");
        assertThat(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2018-04","fromTemplate":true}""").getStatusCode().value()).isEqualTo(201);
        String values = IntStream.range(0, 1001).mapToObj(i -> "{\"kpiCode\":\"CALLS-TRIAGED-24H\",\"value\":90}")
                .collect(Collectors.joining(","));
        stored = storedEvents();
        refusedField(post(CONTRACTS + id + "/returns", """
                {"period":"2018-10","values":[%s]}""".formatted(values), "nelft"), "values");
        refusedField(post(CONTRACTS + id + "/returns/2018-10/council-figures", """
                {"values":[%s]}""".formatted(values), "officer.jones"), "values");
        refusedField(post(CONTRACTS + id + "/returns", """
                {"period":"2018-10","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":1E+999999999}]}""", "nelft"),
                "values[0].value");
        refusedField(post(CONTRACTS + id + "/returns", """
                {"period":"2018-10","values":[{"kpiCode":"CALLS-TRIAGED-24H","district":"%s","value":90}]}"""
                .formatted("D".repeat(101)), "nelft"), "values[0].district");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void refusesACsvWithAnOverLongFieldOrTooManyRowsWithItsPerLineReport() throws Exception {
        String id = withTemplateFramework(LocalDate.of(2017, 4, 1), LocalDate.of(2019, 3, 31), "2018-04");
        long stored = storedEvents();

        JsonNode longField = csvRefused(csv(CONTRACTS + id + "/returns/2018-10/csv", HEADER
                + "CALLS-TRIAGED-24H,,97,,\n"
                + "CALLS-TRIAGED-24H," + "D".repeat(101) + ",97,,\n"
                + "LAC-ASSESSED-2W,,,2,1234567890123\n"));
        assertThat(longField.get("errors")).hasSize(2);
        assertThat(longField.at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(longField.at("/errors/0/rule").asText()).isEqualTo("district-too-long");
        assertThat(longField.at("/errors/0/column").asText()).isEqualTo("district");
        assertThat(longField.at("/errors/1/line").asInt()).isEqualTo(4);
        assertThat(longField.at("/errors/1/rule").asText()).isEqualTo("number-out-of-bounds");
        assertThat(longField.at("/errors/1/column").asText()).isEqualTo("denominator");

        String rows = "CALLS-TRIAGED-24H,,97,,\n".repeat(1001);
        JsonNode tooMany = csvRefused(csv(CONTRACTS + id + "/returns/2018-10/council-figures/csv", HEADER + rows));
        assertThat(tooMany.findValuesAsText("rule")).contains("csv-too-many-rows");
        JsonNode last = tooMany.get("errors").get(tooMany.get("errors").size() - 1);
        assertThat(last.get("line").asInt()).isEqualTo(1002);
        assertThat(last.get("rule").asText()).isEqualTo("csv-too-many-rows");
        assertThat(last.get("message").asText()).contains("1000");

        JsonNode longLine = csvRefused(csv(CONTRACTS + id + "/returns/2018-10/csv", HEADER
                + "CALLS-TRIAGED-24H,,97,," + " ".repeat(1000) + "\n"));
        assertThat(longLine.at("/errors/0/rule").asText()).isEqualTo("csv-line-too-long");
        assertThat(longLine.at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void refusesCorrectionsAndCouncilFiguresForPeriodsOutsideTheContractsLife() throws Exception {
        String id = withTemplateFramework(LocalDate.of(2017, 4, 1), LocalDate.of(2019, 3, 31), "2017-04");
        YearMonth nextMonth = YearMonth.now(ZoneId.of("Europe/London")).plusMonths(1);
        long stored = storedEvents();

        JsonNode correction = refused(post(CONTRACTS + id + "/returns/" + nextMonth + "/corrections", """
                {"kpiCode":"CALLS-TRIAGED-24H","value":91,"reason":"typo"}""", "officer.jones"),
                "period-in-future", "period");
        assertThat(correction.get("detail").asText()).contains(nextMonth.minusMonths(1).toString());
        JsonNode before = refused(post(CONTRACTS + id + "/returns/2017-03/corrections", """
                {"kpiCode":"CALLS-TRIAGED-24H","value":91,"reason":"typo"}""", "officer.jones"),
                "period-outside-term", "period");
        assertThat(before.get("detail").asText()).contains("2017-04-01 to 2019-03-31");
        refused(post(CONTRACTS + id + "/returns/" + nextMonth + "/council-figures", """
                {"values":[{"kpiCode":"LAC-ASSESSED-2W","value":50}]}""", "officer.jones"), "period-in-future", "period");
        refused(csv(CONTRACTS + id + "/returns/" + nextMonth + "/council-figures/csv", HEADER
                + "LAC-ASSESSED-2W,,50,,\nNO-SUCH-KPI,,1,,\n"), "period-in-future", "period");
        refused(csv(CONTRACTS + id + "/returns/2017-03/csv", HEADER + "CALLS-TRIAGED-24H,,97,,\n"),
                "period-outside-term", "period");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void takesAReturnForAMonthOfAnExtensionAndRefusesTheMonthAfterTheExtendedTerm() throws Exception {
        String id = withTemplateFramework(LocalDate.of(2017, 4, 1), LocalDate.of(2018, 3, 31), "2017-04");
        String june = """
                {"period":"2018-06","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97}]}""";
        refused(post(CONTRACTS + id + "/returns", june, "nelft"), "period-outside-term", "period");

        send(Topics.CONTRACTS, IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id,
                Instant.parse("2018-03-01T10:00:00Z"), 2,
                new ContractExtended(id, LocalDate.of(2019, 3, 31), LocalDate.of(2018, 3, 31), null)));
        await().atMost(PATIENCE).until(() -> body(get(CONTRACTS + id)).get("end").asText().equals("2019-03-31"));

        ResponseEntity<String> accepted = post(CONTRACTS + id + "/returns", june, "nelft");
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
        JsonNode after = refused(post(CONTRACTS + id + "/returns", """
                {"period":"2019-04","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97}]}""", "nelft"),
                "period-outside-term", "period");
        assertThat(after.get("detail").asText()).contains("2017-04-01 to 2019-03-31");
    }

    @Test
    void recordsAReturnThatArrivesAfterItsDueDateAsLateWithOneReturnOverdueAlsoAfterTheScan() throws Exception {
        String id = withTemplateFramework(LocalDate.of(2018, 4, 1), LocalDate.of(2018, 10, 31), "2018-10");

        ResponseEntity<String> late = post(CONTRACTS + id + "/returns", """
                {"period":"2018-10","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97}]}""", "nelft");
        assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(201);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode view = json.readTree(get(CONTRACTS + id + "/returns/2018-10").getBody());
            assertThat(view.get("dueOn").asText()).isEqualTo("2018-11-15");
            assertThat(view.get("late").asBoolean()).isTrue();
            JsonNode overdue = json.readTree(get(CONTRACTS + id + "/returns/overdue").getBody());
            assertThat(overdue).hasSize(1);
            assertThat(overdue.at("/0/period").asText()).isEqualTo("2018-10");
            assertThat(overdue.at("/0/dueDate").asText()).isEqualTo("2018-11-15");
            assertThat(overdue.at("/0/receivedAt").isNull()).isFalse();
        });
        assertThat(publishedTypes(id, 3)).containsExactly("org.commissioning.kpi.KpiFrameworkDefined.v1",
                RETURN_OVERDUE, "org.commissioning.kpi.KpiSubmitted.v1");

        scan.scan();

        assertThat(json.readTree(get(CONTRACTS + id + "/returns/overdue").getBody())).hasSize(1);
        // a correction published after the scan shows the scan published nothing for this contract in between
        assertThat(post(CONTRACTS + id + "/returns/2018-10/corrections", """
                {"kpiCode":"CALLS-TRIAGED-24H","value":96,"reason":"One call counted twice"}""", "officer.jones")
                .getStatusCode().value()).isEqualTo(201);
        List<String> types = publishedTypes(id, 4);
        assertThat(types).endsWith("org.commissioning.kpi.KpiCorrected.v1");
        assertThat(types).filteredOn(RETURN_OVERDUE::equals).hasSize(1);
    }

    @Test
    void listsNoMissingMonthsAfterATerminationAndRefusesAYearOutsideTheTerm() throws Exception {
        String id = withTemplateFramework(LocalDate.of(2017, 4, 1), LocalDate.of(2019, 3, 31), "2018-04");
        assertThat(post(CONTRACTS + id + "/returns", """
                {"period":"2018-05","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97}]}""", "nelft")
                .getStatusCode().value()).isEqualTo(201);
        send(Topics.CONTRACTS, IntegrationEvents.contractEvent(
                UUID.randomUUID().toString(), id, Instant.parse("2018-10-01T10:00:00Z"), 2,
                new ContractTerminated(id, "COUNCIL", LocalDate.of(2018, 10, 15), "Persistent under-performance")));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode calls = json.readTree(get(CONTRACTS + id + "/ytd?financialYear=2018").getBody()).at("/kpis/0");
            assertThat(calls.get("kpiCode").asText()).isEqualTo("CALLS-TRIAGED-24H");
            assertThat(texts(calls.get("monthsIncluded"), null)).containsExactly("2018-05");
            assertThat(texts(calls.get("monthsMissing"), null))
                    .containsExactly("2018-04", "2018-06", "2018-07", "2018-08", "2018-09", "2018-10");
        });

        JsonNode after = refused(get(CONTRACTS + id + "/ytd?financialYear=2019"), "year-outside-term",
                "financialYear");
        assertThat(after.get("detail").asText()).contains("2017-04", "2018-10", "2017 to 2018");
        refused(get(CONTRACTS + id + "/ytd?financialYear=2016"), "year-outside-term", "financialYear");
    }

    @Test
    void twoInstancesScanningAtOnceRecordEachOverdueReturnOnceAndOnlyOneOfThemScans() throws Exception {
        String id = withTemplateFramework(LocalDate.of(2017, 4, 1), LocalDate.of(2017, 9, 30), "2017-04");
        await().atMost(PATIENCE).until(() -> get(CONTRACTS + id + "/framework").getStatusCode().value() == 200);

        Concurrently.run(firstScan::scheduled, secondScan::scheduled);

        assertThat(FIRST.reads() + SECOND.reads()).isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(json.readTree(
                get(CONTRACTS + id + "/returns/overdue").getBody()).findValuesAsText("period"))
                .containsExactlyInAnyOrder("2017-04", "2017-05", "2017-06", "2017-07", "2017-08", "2017-09"));
        assertThat(mongo.getCollection(EVENT_STORE).countDocuments(new Document("payloadType",
                ReturnOverdueEvent.class.getName()).append("aggregateIdentifier",
                new Document("$regex", "^" + id)))).isEqualTo(6);
        assertThat(mongo.getCollection(ScheduledScanLockAutoConfiguration.COLLECTION).distinct("_id", String.class))
                .contains("kpi-service.overdue-returns-scan");

        // an instance that comes round again within the interval finds the lease still held
        secondScan.scheduled();
        firstScan.scheduled();
        assertThat(FIRST.reads() + SECOND.reads()).isEqualTo(1);
    }

    private static String framework(String effectiveFrom, String code, String name) {
        return """
                {"effectiveFrom":"%s","kpis":[%s]}""".formatted(effectiveFrom, kpi(code, name, true));
    }

    private static String kpi(String code, String name, boolean headline) {
        return """
                {"code":"%s","name":"%s","unit":"COUNT","direction":"HIGHER_IS_BETTER","headline":%s,
                 "expectedSource":"PROVIDER","bands":[{"rating":"RED","upper":8,"upperInclusive":false},
                 {"rating":"AMBER","lower":8,"lowerInclusive":true,"upper":12,"upperInclusive":false},
                 {"rating":"GREEN","lower":12,"lowerInclusive":true}]}""".formatted(code, name, headline);
    }

    private JsonNode csvRefused(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("rule").asText()).isEqualTo("csv-invalid");
        return problem;
    }

    private List<String> publishedTypes(String contractId, int atLeast) {
        return published(contractId, atLeast).stream().map(IntegrationEvent::type).toList();
    }

    /** The sum of the end offsets of kpi.events.v1's partitions. */
    private long endOffsets() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.KPI).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
