package org.commissioning.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.Geography;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.commissioning.events.contracts.v1.MonitoringMeetingHeld;
import org.commissioning.events.contracts.v1.MonitoringMeetingOverdue;
import org.commissioning.events.deepdives.v1.DeepDiveCancelled;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDiveOverdue;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.events.kpi.v1.ReturnOverdue;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.events.ratings.v1.RagOverridden;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.RatingEvents;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.testsupport.EventSender;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The county overview and the rating table with its CSV and XLSX exports, over real HTTP, from the events of five
 * contracts published on the four topics of the embedded broker. The gateway runs on 2018-06-15 (a fixed clock) with a
 * database of its own, so every figure is exact:
 * <ul>
 *   <li>Alpha Trust, youth, Ashford (South), £100,000: AMBER by an officer with a rationale, improving to GREEN,
 *       bi-monthly, next meeting 2018-06-20 (due this month); its 2018 deep dive complete;</li>
 *   <li>Beta Care, young carers, county-wide, £200,000.50: RED computed and provisional, declining, monthly, its meeting
 *       of 2018-06-01 overdue; the returns of 2018-04 and 2018-05 overdue, then a council figure and a provider's value
 *       of 2018-04 (the ReturnOverdue of 2018-05 delivered twice); its deep dive overdue;</li>
 *   <li>Gamma Youth, youth, East (three districts), no value: not rated; its deep dive planned;</li>
 *   <li>Delta Futures, NEETs, Maidstone (West), £50,000: GREEN, terminated (no cadence); its deep dive cancelled;</li>
 *   <li>Epsilon Families, family support, Dover (South), £75,000: not rated, quarterly; the meeting due 2018-06-05
 *       found overdue, then held on 2018-06-10 (next 2018-09-10).</li>
 * </ul>
 */
@TestPropertySource(properties = {"platform.clock.fixed=2018-06-15T09:00:00Z",
        GatewayITSupport.DATABASE + "=" + CountyOverviewAndRatingTableIT.DATABASE})
class CountyOverviewAndRatingTableIT extends GatewayITSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DATABASE = "gateway-pages";
    static final String KPI_CONSUMER = "gateway.dashboard-kpi";
    static final String POLICY = "worst-headline-band.v1";
    static final String ALPHA_RATIONALE = "- attendance below target; plan agreed";
    static final String ALPHA = UUID.randomUUID().toString();
    static final String BETA = UUID.randomUUID().toString();
    static final String GAMMA = UUID.randomUUID().toString();
    static final String DELTA = UUID.randomUUID().toString();
    static final String EPSILON = UUID.randomUUID().toString();
    static final List<String> COLUMNS = List.of("provider", "districts", "serviceArea", "rag", "ragPeriod", "ragBasis",
            "provisional", "rationale", "trend", "projectedRating", "horizonMonths", "cadence", "nextMeetingDue",
            "meetingOverdue", "overdueReturns", "status", "lotScope", "contractId");
    static boolean published;

    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    PlatformMetrics metrics;

    @BeforeEach
    void publishTheFiveContractsOnce() {
        if (published) {
            return;
        }
        assertThat(mongo.getDb().getName()).as("every figure below counts this class's contracts only")
                .isEqualTo(DATABASE);
        publishAlpha();
        publishBeta();
        publishGamma();
        publishDelta();
        publishEpsilon();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode overview = overview("");
            assertThat(overview.get("contracts").asInt()).isEqualTo(5);
            assertThat(overview.at("/deepDives/cancelled").asInt()).isEqualTo(1);
            assertThat(overview.at("/deepDives/overdue").asInt()).isEqualTo(1);
            assertThat(overview.at("/deepDives/complete").asInt()).isEqualTo(1);
            assertThat(overview.at("/byRag/NOT_RATED").asInt()).isEqualTo(2);
            assertThat(overview.at("/meetings/overdueCount").asInt()).isEqualTo(1);
            assertThat(overview.at("/meetings/dueThisMonthCount").asInt()).isEqualTo(1);
            assertThat(overview.at("/returns/returnsCount").asInt()).isEqualTo(1);
            JsonNode rows = table("").get("rows");
            assertThat(rows.findValuesAsText("status")).contains("TERMINATED");
            assertThat(rows.findValuesAsText("trend")).contains("IMPROVING", "DECLINING");
            assertThat(rows.findValuesAsText("rationale")).contains(ALPHA_RATIONALE);
            assertThat(metrics.count("platform.events.duplicates", "consumer", KPI_CONSUMER)).isEqualTo(1);
        });
        published = true;
    }

    @Test
    void theOverviewCountsTheContractsByRatingServiceAreaAndValueWithMeetingsReturnsAndDeepDives() throws Exception {
        JsonNode overview = overview("");

        assertThat(overview.get("today").asText()).isEqualTo("2018-06-15");
        assertThat(json.convertValue(overview.get("byRag"), Map.class))
                .isEqualTo(Map.of("STRETCH", 0, "GREEN", 1, "AMBER", 1, "RED", 1, "NOT_RATED", 2));
        assertThat(fieldNames(overview.get("byRag"))).containsExactly("STRETCH", "GREEN", "AMBER", "RED", "NOT_RATED");
        assertThat(texts(overview.get("byServiceArea"), "serviceArea")).containsExactly("FAMILY_SUPPORT",
                "YOUNG_CARERS", "CHILDRENS_CENTRES", "YOUTH", "NEETS", "EMOTIONAL_HEALTH_AND_WELLBEING", "LOCAL_GRANTS");
        assertThat(texts(overview.get("byServiceArea"), "contracts")).containsExactly("1", "1", "0", "2", "1", "0", "0");
        assertThat(texts(overview.get("byServiceArea"), "totalAnnualValueGbp")).containsExactly("75000.0",
                "200000.5", "0.0", "100000.0", "50000.0", "0.0", "0.0");
        assertThat(texts(overview.get("byServiceArea"), "contractsWithKnownValue"))
                .containsExactly("1", "1", "0", "1", "1", "0", "0");
        assertThat(overview.get("totalAnnualValueGbp").decimalValue()).isEqualByComparingTo("425000.50");
        assertThat(http().get().uri("/api/dashboard/overview").retrieve().body(String.class))
                .as("amounts are written out to the penny").contains("\"totalAnnualValueGbp\":425000.50");

        JsonNode meetings = overview.get("meetings");
        assertThat(meetings.get("month").asText()).isEqualTo("2018-06");
        assertThat(texts(meetings.get("dueThisMonth"), "contractId")).containsExactly(ALPHA);
        assertThat(meetings.at("/dueThisMonth/0/due").asText()).isEqualTo("2018-06-20");
        assertThat(meetings.at("/dueThisMonth/0/provider").asText()).isEqualTo("Alpha Trust");
        assertThat(texts(meetings.get("overdue"), "contractId")).containsExactly(BETA);
        assertThat(meetings.at("/overdue/0/due").asText()).isEqualTo("2018-06-01");

        JsonNode returns = overview.get("returns");
        assertThat(texts(returns.get("contracts"), "contractId")).containsExactly(BETA);
        assertThat(texts(returns.at("/contracts/0/periods"), null)).as("2018-04 arrived from the provider")
                .containsExactly("2018-05");
        assertThat(returns.get("returnsCount").asInt()).isEqualTo(1);
        assertThat(returns.get("contractsCount").asInt()).isEqualTo(1);

        JsonNode deepDives = overview.get("deepDives");
        assertThat(deepDives.get("programmeYear").asInt()).as("2018-06-15 is in 2018-19").isEqualTo(2018);
        assertThat(deepDives.get("financialYear").asText()).isEqualTo("2018-19");
        assertThat(List.of(deepDives.get("complete").asInt(), deepDives.get("pending").asInt(),
                deepDives.get("overdue").asInt(), deepDives.get("cancelled").asInt())).containsExactly(1, 1, 1, 1);
        assertThat(deepDives.get("percentComplete").decimalValue()).isEqualByComparingTo("33.3");

        JsonNode before = overview("year=2017").get("deepDives");
        assertThat(before.get("financialYear").asText()).isEqualTo("2017-18");
        assertThat(before.get("complete").asInt() + before.get("pending").asInt() + before.get("overdue").asInt()
                + before.get("cancelled").asInt()).isZero();
    }

    @Test
    void theGridShowsTheTwelveDistrictsInTheirFourAreasEachWithTheRatingsOfTheContractsCoveringIt() throws Exception {
        JsonNode grid = overview("").get("grid");

        assertThat(texts(grid, "area")).containsExactly("North", "East", "South", "West");
        List<String> districts = new ArrayList<>();
        grid.forEach(area -> districts.addAll(texts(area.get("districts"), "district")));
        assertThat(districts).containsExactlyElementsOf(Geography.districts()).hasSize(12);
        assertThat(cell(grid, "Dartford")).containsExactly("Beta Care RED");
        assertThat(cell(grid, "Canterbury")).containsExactly("Beta Care RED", "Gamma Youth NOT_RATED");
        assertThat(cell(grid, "Ashford")).containsExactly("Alpha Trust AMBER", "Beta Care RED");
        assertThat(cell(grid, "Dover")).containsExactly("Beta Care RED", "Epsilon Families NOT_RATED");
        assertThat(cell(grid, "Maidstone")).containsExactly("Beta Care RED", "Delta Futures GREEN");
        JsonNode ashford = grid.at("/2/districts/0/contracts");
        assertThat(ashford.at("/0/contractId").asText()).isEqualTo(ALPHA);
        assertThat(ashford.at("/0/serviceArea").asText()).isEqualTo("YOUTH");
    }

    @Test
    void everyFigureOfTheOverviewIsOfTheFilteredContractsAndThePlaceFilterEmptiesTheCellsOutsideIt() throws Exception {
        JsonNode east = overview("area=East");

        assertThat(east.get("contracts").asInt()).isEqualTo(2);
        assertThat(east.at("/filter/area").asText()).isEqualTo("East");
        assertThat(east.at("/filter/district").isNull()).as("written out, null").isTrue();
        assertThat(east.at("/byRag/RED").asInt()).isEqualTo(1);
        assertThat(east.at("/byRag/NOT_RATED").asInt()).isEqualTo(1);
        assertThat(east.at("/byRag/AMBER").asInt()).isZero();
        assertThat(cell(east.get("grid"), "Swale")).containsExactly("Beta Care RED", "Gamma Youth NOT_RATED");
        assertThat(cell(east.get("grid"), "Dartford")).as("outside the area").isEmpty();
        assertThat(cell(east.get("grid"), "Ashford")).isEmpty();
        assertThat(east.get("totalAnnualValueGbp").decimalValue()).isEqualByComparingTo("200000.50");
        assertThat(texts(east.at("/meetings/overdue"), "contractId")).containsExactly(BETA);
        assertThat(east.at("/meetings/dueThisMonthCount").asInt()).isZero();
        assertThat(east.at("/deepDives/pending").asInt()).isEqualTo(1);
        assertThat(east.at("/deepDives/overdue").asInt()).isEqualTo(1);
        assertThat(east.at("/deepDives/complete").asInt()).isZero();
        assertThat(east.at("/deepDives/percentComplete").decimalValue()).isEqualByComparingTo("0.0");

        JsonNode dover = overview("district=Dover&serviceArea=FAMILY_SUPPORT");
        assertThat(dover.get("contracts").asInt()).isEqualTo(1);
        assertThat(cell(dover.get("grid"), "Dover")).containsExactly("Epsilon Families NOT_RATED");
        assertThat(cell(dover.get("grid"), "Ashford")).isEmpty();
        assertThat(dover.at("/meetings/overdueCount").asInt()).as("held since").isZero();

        assertThat(overview("status=TERMINATED").get("contracts").asInt()).isEqualTo(1);
        assertThat(overview("status=TERMINATED").at("/byRag/GREEN").asInt()).isEqualTo(1);
        assertThat(overview("rag=NOT_RATED").get("contracts").asInt()).isEqualTo(2);
        assertThat(overview("rag=AMBER").at("/meetings/dueThisMonthCount").asInt()).isEqualTo(1);
        assertThat(overview("rag=AMBER").at("/returns/returnsCount").asInt()).isZero();
        assertThat(overview("area=&district=&serviceArea=&status=&rag=").get("contracts").asInt())
                .as("blank filters are none, as an HTML form sends 'any'").isEqualTo(5);
    }

    @Test
    void theRatingTableShowsEachContractsRatingRationaleTrajectoryCadenceAndNextMeeting() throws Exception {
        JsonNode table = table("");

        assertThat(texts(table.get("columns"), "key")).containsExactlyElementsOf(COLUMNS);
        assertThat(texts(table.get("columns"), "header")).startsWith("Provider", "Districts", "Service area", "RAG");
        assertThat(table.get("sort").asText()).isEqualTo("provider,asc");
        assertThat(texts(table.get("rows"), "provider")).containsExactly("Alpha Trust", "Beta Care", "Delta Futures",
                "Epsilon Families", "Gamma Youth");
        table.get("rows").forEach(row -> assertThat(fieldNames(row)).containsExactlyElementsOf(COLUMNS));

        JsonNode alpha = table.at("/rows/0");
        assertThat(texts(alpha.get("districts"), null)).containsExactly("Ashford");
        assertThat(alpha.get("rag").asText()).isEqualTo("AMBER");
        assertThat(alpha.get("ragPeriod").asText()).isEqualTo("2018-04");
        assertThat(alpha.get("ragBasis").asText()).isEqualTo("OFFICER");
        assertThat(alpha.get("rationale").asText()).isEqualTo(ALPHA_RATIONALE);
        assertThat(alpha.get("provisional").asBoolean()).isFalse();
        assertThat(alpha.get("trend").asText()).isEqualTo("IMPROVING");
        assertThat(alpha.get("projectedRating").asText()).isEqualTo("GREEN");
        assertThat(alpha.get("horizonMonths").asInt()).isEqualTo(3);
        assertThat(alpha.get("cadence").asText()).isEqualTo("BI_MONTHLY");
        assertThat(alpha.get("nextMeetingDue").asText()).isEqualTo("2018-06-20");
        assertThat(alpha.get("meetingOverdue").asBoolean()).isFalse();
        assertThat(alpha.get("contractId").asText()).isEqualTo(ALPHA);

        JsonNode beta = table.at("/rows/1");
        assertThat(beta.get("districts")).hasSize(12);
        assertThat(beta.get("lotScope").asText()).isEqualTo("COUNTY");
        assertThat(beta.get("rationale").asText()).isEqualTo("Computed from the headline KPIs of 2018-05 ("
                + POLICY + "); provisional: a headline value is not validated");
        assertThat(beta.get("provisional").asBoolean()).isTrue();
        assertThat(beta.get("meetingOverdue").asBoolean()).isTrue();
        assertThat(texts(beta.get("overdueReturns"), null)).containsExactly("2018-05");

        JsonNode delta = table.at("/rows/2");
        assertThat(delta.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(delta.get("cadence").isNull()).as("an ended contract is not monitored").isTrue();
        assertThat(delta.get("nextMeetingDue").isNull()).isTrue();

        JsonNode gamma = table.at("/rows/4");
        assertThat(gamma.get("rag").asText()).isEqualTo("NOT_RATED");
        assertThat(gamma.get("rationale").isNull()).isTrue();
        assertThat(gamma.get("trend").isNull()).isTrue();
        assertThat(gamma.get("overdueReturns")).isEmpty();
    }

    @Test
    void theRatingTableSortsByTheColumnAskedForWithRowsWithoutAValueLastAndFilters() throws Exception {
        assertThat(providers("sort=rag")).containsExactly("Delta Futures", "Alpha Trust", "Beta Care",
                "Epsilon Families", "Gamma Youth");
        assertThat(providers("sort=rag,desc")).containsExactly("Beta Care", "Alpha Trust", "Delta Futures",
                "Epsilon Families", "Gamma Youth");
        assertThat(providers("sort=nextMeetingDue")).containsExactly("Beta Care", "Alpha Trust", "Epsilon Families",
                "Delta Futures", "Gamma Youth");
        assertThat(providers("sort=cadence,desc")).containsExactly("Beta Care", "Alpha Trust", "Epsilon Families",
                "Delta Futures", "Gamma Youth");
        assertThat(providers("sort=trend")).containsExactly("Alpha Trust", "Beta Care", "Delta Futures",
                "Epsilon Families", "Gamma Youth");
        assertThat(providers("sort=overdueReturns,desc")).startsWith("Beta Care", "Alpha Trust");
        assertThat(providers("sort=provider,desc")).containsExactly("Gamma Youth", "Epsilon Families",
                "Delta Futures", "Beta Care", "Alpha Trust");
        assertThat(providers("sort=status,desc")).startsWith("Delta Futures");
        assertThat(providers("area=South&sort=provider,desc")).containsExactly("Epsilon Families", "Beta Care",
                "Alpha Trust");
        assertThat(providers("rag=NOT_RATED")).containsExactly("Epsilon Families", "Gamma Youth");
        assertThat(providers("district=Maidstone&serviceArea=NEETS&status=TERMINATED&rag=GREEN"))
                .containsExactly("Delta Futures");
        assertThat(table("sort=rag,DESC").get("sort").asText()).isEqualTo("rag,desc");
    }

    @Test
    void theCsvExportHasAHeaderRowAndTheTablesRowsAndColumnsForTheSameFiltersAndSort() throws Exception {
        String query = "area=South&sort=rag,desc";
        JsonNode table = table(query);
        ResponseEntity<byte[]> csv = http().get().uri("/api/dashboard/rating-table.csv?" + query).retrieve()
                .toEntity(byte[].class);

        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"rating-table-2018-06-15.csv\"");
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv.getBody(), StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setHeader().get())) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(texts(table.get("columns"), "header"));
            records = parser.getRecords();
        }
        assertThat(records).extracting(r -> r.get("Provider")).containsExactly("Beta Care", "Alpha Trust",
                "Epsilon Families");
        for (int r = 0; r < records.size(); r++) {
            JsonNode row = table.get("rows").get(r);
            for (int c = 0; c < COLUMNS.size(); c++) {
                String expected = text(row.get(COLUMNS.get(c)));
                assertThat(records.get(r).get(c)).as(COLUMNS.get(c) + " of row " + r)
                        .isEqualTo(expected.startsWith("-") ? "'" + expected : expected);
            }
        }
        assertThat(records.get(1).get("Rationale")).as("a text a spreadsheet would take for a formula")
                .isEqualTo("'" + ALPHA_RATIONALE);
        assertThat(records.get(0).get("Districts")).isEqualTo(String.join("; ", Geography.districts()));
    }

    @Test
    void theXlsxExportHasAHeaderRowAndTheTablesRowsAndColumnsWithDatesAsDates() throws Exception {
        String query = "sort=nextMeetingDue";
        JsonNode table = table(query);
        ResponseEntity<byte[]> xlsx = http().get().uri("/api/dashboard/rating-table.xlsx?" + query).retrieve()
                .toEntity(byte[].class);

        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentType()).hasToString(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"rating-table-2018-06-15.xlsx\"");
        List<Row> sheet;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Rating table");
            sheet = workbook.getFirstSheet().read();
        }
        assertThat(sheet).hasSize(6);
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            headers.add(sheet.get(0).getCellText(c));
        }
        assertThat(headers).containsExactlyElementsOf(texts(table.get("columns"), "header"));
        for (int r = 1; r < sheet.size(); r++) {
            JsonNode row = table.get("rows").get(r - 1);
            Row cells = sheet.get(r);
            for (int c = 0; c < COLUMNS.size(); c++) {
                String column = COLUMNS.get(c);
                JsonNode expected = row.get(column);
                if (column.equals("nextMeetingDue") && !expected.isNull()) {
                    assertThat(cells.getCellAsDate(c)).as(column).hasValue(LocalDate.parse(expected.asText())
                            .atStartOfDay());
                } else if (expected.isBoolean()) {
                    assertThat(cells.getCellAsBoolean(c)).as(column).hasValue(expected.asBoolean());
                } else if (expected.isNumber()) {
                    assertThat(cells.getCellAsNumber(c)).as(column).hasValueSatisfying(n ->
                            assertThat(n).isEqualByComparingTo(expected.decimalValue()));
                } else {
                    assertThat(cells.hasCell(c) ? cells.getCellText(c) : "").as(column + " of row " + r)
                            .isEqualTo(text(expected));
                }
            }
        }
        assertThat(sheet.get(1).getCellText(0)).isEqualTo("Beta Care");
        assertThat(sheet.get(2).getCellText(COLUMNS.indexOf("rationale"))).as("a text, never a formula")
                .isEqualTo(ALPHA_RATIONALE);
    }

    @Test
    void aFilterOrSortOutsideItsValuesIsABadRequestNamingTheParameterOnEveryPage() throws Exception {
        List<String[]> bad = List.of(new String[] {"area", "Atlantis", "known-filter-value"},
                new String[] {"district", "Nowhere", "known-filter-value"},
                new String[] {"serviceArea", "KNITTING", "known-filter-value"},
                new String[] {"status", "CLOSED", "known-filter-value"},
                new String[] {"rag", "PURPLE", "known-filter-value"},
                new String[] {"sort", "colour", "known-sort"},
                new String[] {"sort", "rationale", "known-sort"},
                new String[] {"sort", "rag,up", "known-sort"},
                new String[] {"sort", "rag,asc,desc", "known-sort"});
        for (String path : List.of("/api/dashboard/overview", "/api/dashboard/rating-table",
                "/api/dashboard/rating-table.csv", "/api/dashboard/rating-table.xlsx")) {
            for (String[] parameter : bad) {
                if (parameter[0].equals("sort") && path.endsWith("overview")) {
                    continue;
                }
                JsonNode problem = refused(get(path + "?" + parameter[0] + "=" + parameter[1]), parameter[2],
                        parameter[0]);
                assertThat(problem.get("detail").asText()).as(path).contains(parameter[1]);
            }
        }
        assertThat(refused(get("/api/dashboard/rating-table?sort=colour"), "known-sort", "sort").get("detail")
                .asText()).contains("provider, serviceArea, rag, ragPeriod, trend, projectedRating, cadence, "
                + "nextMeetingDue, overdueReturns, status");
        assertThat(refused(get("/api/dashboard/overview?area=Kent"), "known-filter-value", "area").get("detail")
                .asText()).contains("North, East, South, West");
        refused(get("/api/dashboard/overview?year=18"), "programme-year", "year");
    }

    @Test
    void theKpiTopicsRecordsAreEachAppliedOnceAndARedeliveryIsDropped() {
        assertThat(metrics.count("platform.events.duplicates", "consumer", KPI_CONSUMER)).isEqualTo(1);
        assertThat(metrics.count("platform.events.consumed", "consumer", KPI_CONSUMER))
                .as("two ReturnOverdue and two KpiSubmitted of Beta Care").isEqualTo(4);
    }

    private void publishAlpha() {
        contracts(ContractEvents.registered(ALPHA, "Alpha Trust", "YOUTH", ContractEvents.district("South", "Ashford"),
                        new BigDecimal("100000")),
                contractEvent(ALPHA, 2, new MonitoringCadenceChanged(ALPHA, "AMBER", "BI_MONTHLY", null,
                        YearMonth.of(2018, 4), LocalDate.of(2018, 4, 20), LocalDate.of(2018, 6, 20))));
        YearMonth april = YearMonth.of(2018, 4);
        ratings(RatingEvents.ratingEvent(ALPHA, 1, new RagOverridden(ALPHA, april, "GREEN", "AMBER", "GREEN",
                        ALPHA_RATIONALE, "officer.jones", POLICY)),
                RatingEvents.ratingEvent(ALPHA, 2, new ContractRated(ALPHA, april, "AMBER", "GREEN", "OFFICER",
                        false, POLICY)),
                RatingEvents.ratingEvent(ALPHA, 3, new RagChanged(ALPHA, null, "AMBER", april, "OFFICER",
                        ALPHA_RATIONALE)),
                RatingEvents.computedTrajectory(ALPHA, 4, april, "AMBER", "GREEN", "IMPROVING"));
        deepDives(planned(ALPHA), event(Context.DEEPDIVES, ALPHA, 2, new DeepDiveCompleted(ALPHA, 2018,
                LocalDate.of(2018, 5, 25), null, null, null, List.of(), List.of(), List.of(), List.of(), false, true,
                "Fig. 1")));
    }

    private void publishBeta() {
        contracts(ContractEvents.registered(BETA, "Beta Care", "YOUNG_CARERS", new Lot("COUNTY", Geography.areas(),
                        Geography.districts()), new BigDecimal("200000.50")),
                contractEvent(BETA, 2, new MonitoringCadenceChanged(BETA, "RED", "MONTHLY", null,
                        YearMonth.of(2018, 5), LocalDate.of(2018, 5, 1), LocalDate.of(2018, 6, 1))),
                contractEvent(BETA, 3, new MonitoringMeetingOverdue(BETA, LocalDate.of(2018, 6, 1), "MONTHLY", null,
                        LocalDate.of(2018, 6, 2))));
        YearMonth may = YearMonth.of(2018, 5);
        ratings(RatingEvents.ratingEvent(BETA, 1, new ContractRated(BETA, may, "RED", "RED", "COMPUTED", true,
                        POLICY)),
                RatingEvents.ragChanged(BETA, 2, null, "RED", may),
                RatingEvents.computedTrajectory(BETA, 3, may, "RED", "RED", "DECLINING"));
        IntegrationEvent<?> mayOverdue = event(Context.KPI, BETA, 2, new ReturnOverdue(BETA, may,
                LocalDate.of(2018, 6, 15), Instant.parse("2018-06-16T06:00:00Z")));
        kpi(event(Context.KPI, BETA, 1, new ReturnOverdue(BETA, YearMonth.of(2018, 4), LocalDate.of(2018, 5, 15),
                        Instant.parse("2018-05-16T06:00:00Z"))), mayOverdue, mayOverdue,
                event(Context.KPI, BETA, 3, value(BETA, "COUNCIL")), event(Context.KPI, BETA, 4, value(BETA, "PROVIDER")));
        deepDives(planned(BETA), event(Context.DEEPDIVES, BETA, 2, new DeepDiveOverdue(BETA, 2018,
                LocalDate.of(2018, 5, 31))));
    }

    private static KpiSubmitted value(String id, String source) {
        return new KpiSubmitted(id, YearMonth.of(2018, 4), "ATTEND", null, new BigDecimal("71.5"), null, null, source,
                1, "AMBER");
    }

    private void publishGamma() {
        contracts(ContractEvents.registered(GAMMA, "Gamma Youth", "YOUTH", new Lot("AREA", List.of("East"),
                Geography.districtsOf("East")), null));
        deepDives(planned(GAMMA));
    }

    private void publishDelta() {
        contracts(ContractEvents.registered(DELTA, "Delta Futures", "NEETS", ContractEvents.district("West",
                        "Maidstone"), new BigDecimal("50000")),
                contractEvent(DELTA, 2, new MonitoringCadenceChanged(DELTA, "GREEN", "QUARTERLY", null,
                        YearMonth.of(2018, 4), LocalDate.of(2018, 5, 1), LocalDate.of(2018, 8, 1))),
                contractEvent(DELTA, 3, new ContractTerminated(DELTA, "PROVIDER", LocalDate.of(2018, 6, 10),
                        "the provider's decision")));
        ratings(RatingEvents.ratingEvent(DELTA, 1, new ContractRated(DELTA, YearMonth.of(2018, 4), "GREEN", "GREEN",
                        "COMPUTED", false, POLICY)),
                RatingEvents.ragChanged(DELTA, 2, null, "GREEN", YearMonth.of(2018, 4)));
        deepDives(planned(DELTA), event(Context.DEEPDIVES, DELTA, 2, new DeepDiveCancelled(DELTA, 2018,
                "The contract was terminated.")));
    }

    private void publishEpsilon() {
        contracts(ContractEvents.registered(EPSILON, "Epsilon Families", "FAMILY_SUPPORT",
                        ContractEvents.district("South", "Dover"), new BigDecimal("75000")),
                contractEvent(EPSILON, 2, new MonitoringCadenceChanged(EPSILON, "GREEN", "QUARTERLY", null,
                        YearMonth.of(2018, 2), LocalDate.of(2018, 3, 5), LocalDate.of(2018, 6, 5))),
                contractEvent(EPSILON, 3, new MonitoringMeetingOverdue(EPSILON, LocalDate.of(2018, 6, 5), "QUARTERLY",
                        null, LocalDate.of(2018, 6, 6))),
                contractEvent(EPSILON, 4, new MonitoringMeetingHeld(EPSILON, 1, LocalDate.of(2018, 6, 10),
                        List.of("officer.jones"), "late but held", List.of(), LocalDate.of(2018, 9, 10))));
    }

    private static IntegrationEvent<?> planned(String id) {
        return event(Context.DEEPDIVES, id, 1, new DeepDivePlanned(id, 2018, LocalDate.of(2018, 5, 31), "annual",
                List.of()));
    }

    private static IntegrationEvent<?> contractEvent(String id, long sequence, Object data) {
        return event(Context.CONTRACTS, id, sequence, data);
    }

    private static IntegrationEvent<?> event(Context owner, String id, long sequence, Object data) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), owner.source(), id,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), sequence, "officer.jones", UUID.randomUUID().toString(),
                data);
    }

    private void contracts(IntegrationEvent<?>... events) {
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS, events);
    }

    private void ratings(IntegrationEvent<?>... events) {
        EventSender.send(kafka.getBrokersAsString(), Topics.RATINGS, events);
    }

    private void kpi(IntegrationEvent<?>... events) {
        EventSender.send(kafka.getBrokersAsString(), Topics.KPI, events);
    }

    private void deepDives(IntegrationEvent<?>... events) {
        EventSender.send(kafka.getBrokersAsString(), Topics.DEEPDIVES, events);
    }

    private JsonNode overview(String query) throws Exception {
        ResponseEntity<String> response = get("/api/dashboard/overview?" + query);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return body(response);
    }

    private JsonNode table(String query) throws Exception {
        ResponseEntity<String> response = get("/api/dashboard/rating-table?" + query);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return body(response);
    }

    private List<String> providers(String query) throws Exception {
        return texts(table(query).get("rows"), "provider");
    }

    /** A district's cell of the grid, as "provider rag" per contract. */
    private static List<String> cell(JsonNode grid, String district) {
        for (JsonNode area : grid) {
            for (JsonNode cell : area.get("districts")) {
                if (cell.get("district").asText().equals(district)) {
                    List<String> ratings = new ArrayList<>();
                    cell.get("contracts").forEach(c -> ratings.add(c.get("provider").asText() + " "
                            + c.get("rag").asText()));
                    return ratings;
                }
            }
        }
        throw new AssertionError("no cell of " + district + " in " + grid);
    }

    /** A JSON value as the CSV writes it: nothing for null, a list's items joined by "; ". */
    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isArray() ? String.join("; ", texts(value, null)) : value.asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
