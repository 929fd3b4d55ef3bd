package org.commissioning.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.DashboardRows;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.RatingEvents;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.testsupport.EventSender;
import org.commissioning.testsupport.IntegrationEvents;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ContractRegistered records on the contracts topic become dashboard rows, and RagChanged records on the ratings
 * topic their ratings, served over HTTP.
 */
class DashboardIT extends GatewayITSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String CONSUMER = "gateway.dashboard";
    static final String RATINGS_CONSUMER = "gateway.dashboard-ratings";

    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    PlatformMetrics metrics;


    @Test
    void showsARegisteredContractWithItsFields() throws Exception {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> event = ContractEvents.sk8side(id, new BigDecimal("120000.00"));

        send(event);

        JsonNode row = awaitRow(id);
        JSONAssert.assertEquals("""
                {"provider": "Sk8side", "serviceArea": "YOUTH", "lotScope": "DISTRICT", "areas": ["South"],
                 "districts": ["Ashford"], "start": "2018-04-01", "end": "2021-03-31", "status": "ACTIVE",
                 "rag": null, "trajectory": null, "cadence": null, "lastRatingSequence": 0, "lastEventSequence": 1}""",
                row.toString(), JSONCompareMode.LENIENT);
        assertThat(row.get("annualValueGbp").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(row.get("registeredAt").asText()).isEqualTo(event.time().toString());
        assertThat(row.get("lastEventId").asText()).isEqualTo(event.id());
        assertThat(http().get().uri("/api/dashboard/contracts?provider=Sk8side").retrieve().body(String.class))
                .as("amounts are written out to the penny").contains("\"annualValueGbp\":120000.00,");
    }

    @Test
    void theSameRecordDeliveredTwiceGivesOneRowAndCountsOneDuplicate() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> event = ContractEvents.registered(id, "Imago", "YOUNG_CARERS",
                ContractEvents.district("West", "Maidstone"), null);
        double duplicatesBefore = metrics.count("platform.events.duplicates", "consumer", CONSUMER);
        double consumedBefore = metrics.count("platform.events.consumed", "consumer", CONSUMER);

        send(event, event);

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                metrics.count("platform.events.duplicates", "consumer", CONSUMER)).isEqualTo(duplicatesBefore + 1));
        assertThat(metrics.count("platform.events.consumed", "consumer", CONSUMER)).isEqualTo(consumedBefore + 1);
        assertThat(rows(null).stream().filter(r -> r.get("id").asText().equals(id))).hasSize(1);
    }

    @Test
    void filtersByServiceAreaAreaDistrictAndProviderAndSortsByServiceAreaThenProvider() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String youth = UUID.randomUUID().toString();
        String carers = UUID.randomUUID().toString();
        String county = UUID.randomUUID().toString();
        send(ContractEvents.registered(youth, "Youth " + tag, "YOUTH", ContractEvents.district("East", "Thanet"),
                        new BigDecimal("75000")),
                ContractEvents.registered(carers, "Carers " + tag, "YOUNG_CARERS",
                        ContractEvents.district("North", "Gravesham"), new BigDecimal("40000")),
                ContractEvents.registered(county, "County " + tag, "NEETS", new Lot("COUNTY",
                        List.of("North", "East", "South", "West"), List.of("Dartford", "Gravesham", "Sevenoaks",
                        "Canterbury", "Swale", "Thanet", "Ashford", "Dover", "Folkestone and Hythe", "Maidstone",
                        "Tonbridge and Malling", "Tunbridge Wells")), null));
        awaitRow(youth);
        awaitRow(carers);
        awaitRow(county);

        assertThat(ids("serviceArea=YOUTH")).contains(youth).doesNotContain(carers, county);
        assertThat(rows("serviceArea=YOUTH")).allSatisfy(r -> assertThat(r.get("serviceArea").asText()).isEqualTo("YOUTH"));
        assertThat(ids("area=East")).contains(youth, county).doesNotContain(carers);
        assertThat(ids("district=Gravesham")).contains(carers, county).doesNotContain(youth);
        assertThat(ids("district=Tonbridge and Malling")).contains(county).doesNotContain(youth, carers);
        assertThat(ids("provider=Carers " + tag)).containsExactly(carers);
        assertThat(ids("serviceArea=NEETS&area=West&provider=County " + tag)).containsExactly(county);
        assertThat(ids("serviceArea=YOUTH&provider=Carers " + tag)).isEmpty();
        assertThat(ids("area=Atlantis")).isEmpty();
        assertThat(ids("provider=")).isEmpty();

        List<JsonNode> all = rows(null);
        assertThat(all).isSortedAccordingTo(Comparator
                .comparing((JsonNode r) -> r.get("serviceArea").asText())
                .thenComparing(r -> r.get("provider").asText()));
    }

    @Test
    void summarisesTheContractsOnTheDashboard() throws Exception {
        String id = UUID.randomUUID().toString();
        send(ContractEvents.registered(id, "Summary Trust", "LOCAL_GRANTS",
                ContractEvents.district("West", "Tunbridge Wells"), new BigDecimal("12345.67")));
        awaitRow(id);

        var response = http().get().uri("/api/dashboard/summary").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode summary = json.readTree(response.getBody());

        List<JsonNode> rows = rows(null);
        Map<String, Long> byServiceArea = new HashMap<>();
        Map<String, Long> byArea = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode row : rows) {
            byServiceArea.merge(row.get("serviceArea").asText(), 1L, Long::sum);
            row.get("areas").forEach(a -> byArea.merge(a.asText(), 1L, Long::sum));
            if (!row.get("annualValueGbp").isNull()) {
                total = total.add(row.get("annualValueGbp").decimalValue());
            }
        }
        assertThat(summary.get("contracts").asLong()).isEqualTo(rows.size());
        assertThat(json.convertValue(summary.get("byServiceArea"), Map.class)).isEqualTo(toIntMap(byServiceArea));
        assertThat(json.convertValue(summary.get("byArea"), Map.class)).isEqualTo(toIntMap(byArea));
        assertThat(summary.get("byServiceArea").get("LOCAL_GRANTS").asLong()).isPositive();
        assertThat(summary.get("totalAnnualValueGbp").decimalValue()).isEqualByComparingTo(total);
    }

    @Test
    void aRagChangedOnTheRatingsTopicShowsInTheRatingFilterAndTheSummaryAndIsCountedOnceWhenRedelivered()
            throws Exception {
        String id = UUID.randomUUID().toString();
        send(ContractEvents.registered(id, "Rated Trust", "YOUTH", ContractEvents.district("North", "Dartford"), null));
        awaitRow(id);
        JsonNode before = summary();
        double duplicatesBefore = metrics.count("platform.events.duplicates", "consumer", RATINGS_CONSUMER);
        double consumedBefore = metrics.count("platform.events.consumed", "consumer", RATINGS_CONSUMER);
        IntegrationEvent<RagChanged> red = RatingEvents.ragChanged(id, 1, null, "RED", YearMonth.of(2018, 4));

        sendRatings(red, red);

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                metrics.count("platform.events.duplicates", "consumer", RATINGS_CONSUMER)).isEqualTo(duplicatesBefore + 1));
        assertThat(metrics.count("platform.events.consumed", "consumer", RATINGS_CONSUMER)).isEqualTo(consumedBefore + 1);
        assertThat(ids("rag=RED")).containsOnlyOnce(id);
        assertThat(ids("rag=AMBER")).doesNotContain(id);
        assertThat(ids("rag=NOT_RATED")).doesNotContain(id);
        JsonNode row = rows("rag=RED&provider=Rated Trust").get(0);
        assertThat(row.get("rag").asText()).isEqualTo("RED");
        assertThat(row.get("ragPeriod").asText()).isEqualTo("2018-04");
        assertThat(row.get("ragBasis").asText()).isEqualTo("COMPUTED");
        assertThat(row.get("lastRatingSequence").asLong()).isEqualTo(1);
        assertThat(row.get("lastEventSequence").asLong()).isEqualTo(1);

        JsonNode after = summary();
        assertThat(after.get("contracts").asLong()).isEqualTo(before.get("contracts").asLong());
        assertThat(after.at("/byRag/RED").asLong()).isEqualTo(before.at("/byRag/RED").asLong() + 1);
        assertThat(after.at("/byRag/NOT_RATED").asLong()).isEqualTo(before.at("/byRag/NOT_RATED").asLong() - 1);
        assertThat(after.at("/byRag/AMBER").asLong()).isEqualTo(before.at("/byRag/AMBER").asLong());
        assertThat(after.at("/byRag/GREEN").asLong()).isEqualTo(before.at("/byRag/GREEN").asLong());
        long rated = 0;
        for (JsonNode count : after.get("byRag")) {
            rated += count.asLong();
        }
        assertThat(rated).as("every contract is counted once in byRag").isEqualTo(after.get("contracts").asLong());
    }

    @Test
    void aForgedRecordThatJumpsAheadDoesNotMakeTheGenuineNextEventBeDropped() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> registered = ContractEvents.registered(id, "Forgery Target", "YOUTH",
                ContractEvents.district("East", "Thanet"), null);
        send(registered);
        awaitRow(id);
        double gapsBefore = metrics.count("platform.events.gaps", "consumer", CONSUMER);
        IntegrationEvent<MonitoringCadenceChanged> forged = contractEvent(id, 5, new MonitoringCadenceChanged(id,
                "GREEN", "QUARTERLY", null, YearMonth.of(2018, 4), LocalDate.of(2018, 5, 1), LocalDate.of(2018, 8, 1)));
        IntegrationEvent<MonitoringCadenceChanged> genuine = contractEvent(id, 2, new MonitoringCadenceChanged(id,
                "RED", "MONTHLY", null, YearMonth.of(2018, 4), LocalDate.of(2018, 5, 1), LocalDate.of(2018, 6, 1)));

        send(forged);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                metrics.count("platform.events.gaps", "consumer", CONSUMER)).isEqualTo(gapsBefore + 1));
        assertThat(awaitRow(id).get("cadence").isNull()).as("the forged record is held, not applied").isTrue();
        assertThat(metrics.gauge("platform.events.held", "consumer", CONSUMER)).isPositive();
        send(genuine);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode row = awaitRow(id);
            assertThat(row.get("cadence").asText()).isEqualTo("MONTHLY");
            assertThat(row.get("lastEventSequence").asLong()).isEqualTo(2);
            assertThat(row.get("lastEventId").asText()).isEqualTo(genuine.id());
        });
    }

    @Test
    void aRecordWhoseSourceDoesNotOwnTheTopicIsRefused() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> genuine = ContractEvents.registered(id, "Genuine Trust", "YOUTH",
                ContractEvents.district("East", "Thanet"), null);
        IntegrationEvent<ContractRegistered> impostor = IntegrationEvent.of(UUID.randomUUID().toString(),
                "/rag-service", id, genuine.time(), 1, "intruder", UUID.randomUUID().toString(),
                new ContractRegistered(id, "Impostor Ltd", "YOUTH", ContractEvents.district("East", "Thanet"), null,
                        null, null));
        double refusedBefore = metrics.count("platform.events.refused", "consumer", CONSUMER);

        send(impostor, genuine);

        assertThat(awaitRow(id).get("provider").asText()).isEqualTo("Genuine Trust");
        assertThat(metrics.count("platform.events.refused", "consumer", CONSUMER)).isEqualTo(refusedBefore + 1);
    }

    @Test
    void filtersByStatus() {
        String active = UUID.randomUUID().toString();
        String terminated = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> registered = ContractEvents.registered(terminated, "Ended Trust", "YOUTH",
                ContractEvents.district("South", "Dover"), null);
        send(ContractEvents.registered(active, "Running Trust", "YOUTH", ContractEvents.district("South", "Dover"),
                null), registered, contractEvent(terminated, 2,
                new ContractTerminated(terminated, "COUNCIL", LocalDate.of(2018, 8, 31), "persistent red")));
        awaitRow(active);
        await().atMost(WAIT).untilAsserted(() -> assertThat(ids("status=TERMINATED")).contains(terminated));

        assertThat(ids("status=TERMINATED")).doesNotContain(active);
        assertThat(rows("status=TERMINATED")).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("TERMINATED"));
        assertThat(ids("status=ACTIVE")).contains(active).doesNotContain(terminated);
        assertThat(rows("status=ACTIVE")).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("ACTIVE"));
    }

    @Test
    void aFilterOutsideItsValuesIsABadRequestNamingTheParameterAndItsValues() throws Exception {
        for (String[] bad : new String[][] {{"rag", "PURPLE"}, {"status", "CLOSED"}, {"serviceArea", "KNITTING"}}) {
            var response = http().get().uri("/api/dashboard/contracts?" + bad[0] + "=" + bad[1])
                    .retrieve().toEntity(String.class);

            assertThat(response.getStatusCode().value()).as(bad[0]).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("rule").asText()).isEqualTo("known-filter-value");
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo(bad[0]);
            assertThat(problem.get("detail").asText()).contains(bad[1]);
        }
        JsonNode rag = json.readTree(http().get().uri("/api/dashboard/contracts?rag=PURPLE").retrieve()
                .toEntity(String.class).getBody());
        assertThat(rag.get("detail").asText()).contains("STRETCH, GREEN, AMBER, RED, NOT_RATED");
    }

    @Test
    void showsTheLatestRatedMonthAsContractServiceDoes() {
        String id = UUID.randomUUID().toString();
        send(ContractEvents.registered(id, "Monthly Trust", "NEETS", ContractEvents.district("North", "Dartford"), null));
        awaitRow(id);

        sendRatings(RatingEvents.ragChanged(id, 1, null, "RED", YearMonth.of(2018, 4)),
                contractRated(id, 2, YearMonth.of(2018, 4), "RED"),
                contractRated(id, 3, YearMonth.of(2018, 5), "RED"),
                contractRated(id, 4, YearMonth.of(2018, 4), "AMBER"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode row = awaitRow(id);
            assertThat(row.get("lastRatingSequence").asLong()).isEqualTo(4);
            assertThat(row.get("ragPeriod").asText()).isEqualTo("2018-05");
            assertThat(row.get("rag").asText()).isEqualTo("RED");
        });
    }

    @Test
    void reportsHealthAndThePlatformMetrics() throws Exception {
        String id = UUID.randomUUID().toString();
        send(ContractEvents.registered(id, "Metrics Trust", "YOUTH",
                ContractEvents.district("East", "Swale"), null));
        awaitRow(id);

        var health = http().get().uri("/actuator/health").retrieve().toEntity(String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(health.getBody()).get("status").asText()).isEqualTo("UP");

        var prometheus = http().get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
        assertThat(prometheus.getStatusCode().value()).isEqualTo(200);
        assertThat(prometheus.getBody())
                .contains("platform_events_consumed_total{")
                .contains("consumer=\"" + CONSUMER + "\"");
    }

    private static <T> IntegrationEvent<T> contractEvent(String id, long sequence, T data) {
        return IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, Instant.now(), sequence, data);
    }

    private static IntegrationEvent<ContractRated> contractRated(String id, long sequence, YearMonth period,
                                                                 String rating) {
        return RatingEvents.ratingEvent(id, sequence, new ContractRated(id, period, rating, rating, "COMPUTED", false,
                "worst-headline.v1"));
    }

    private void send(IntegrationEvent<?>... events) {
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS, events);
    }

    private void sendRatings(IntegrationEvent<?>... events) {
        EventSender.send(kafka.getBrokersAsString(), Topics.RATINGS, events);
    }

    private JsonNode summary() throws Exception {
        var response = http().get().uri("/api/dashboard/summary").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private JsonNode awaitRow(String id) {
        return new DashboardRows(http()).awaitRow(id, WAIT);
    }

    private List<String> ids(String query) {
        return new DashboardRows(http()).ids(query);
    }

    private List<JsonNode> rows(String query) {
        return new DashboardRows(http()).rows(query);
    }

    private static Map<String, Integer> toIntMap(Map<String, Long> counts) {
        Map<String, Integer> ints = new HashMap<>();
        counts.forEach((k, v) -> ints.put(k, v.intValue()));
        return ints;
    }
}
