package org.commissioning.kpi.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.axonframework.eventhandling.GenericEventMessage;
import org.commissioning.events.EventType;
import org.commissioning.events.Topics;
import org.commissioning.kpi.api.Band;
import org.commissioning.kpi.api.Direction;
import org.commissioning.kpi.api.ExpectedSource;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.kpi.api.CouncilKpiValueRecordedEvent;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyFlaggedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyResolvedEvent;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiFrameworkDefinedEvent;
import org.commissioning.kpi.api.KpiFrameworkRevisedEvent;
import org.commissioning.kpi.api.KpiTemplates;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.Rating;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.relay.IntegrationEventTranslator.Outgoing;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The producer's side of the contract: what kpi-service publishes matches the golden samples of kpi.events.v1. */
class KpiEventTranslatorTest {

    static final String CONTRACT = "5c1e9a51-3f7f-4d9b-8a10-2f0c5a4e8d1b";
    static final YearMonth OCTOBER_2018 = YearMonth.of(2018, 10);

    final KpiEventTranslator translator = new KpiEventTranslator();
    final IntegrationEventCodec codec = new IntegrationEventCodec();

    @Test
    void translatesADefinitionIntoTheGoldenSampleOfKpiFrameworkDefinedV1() throws Exception {
        KpiFrameworkDefinedEvent stored = new KpiFrameworkDefinedEvent(CONTRACT, 1, YearMonth.of(2018, 4),
                List.of(KpiTemplates.forServiceArea("EMOTIONAL_HEALTH_AND_WELLBEING").get(0)),
                "EMOTIONAL_HEALTH_AND_WELLBEING");

        assertPublishedAs(stored, "KpiFrameworkDefined");
    }

    @Test
    void translatesARevisionIntoTheGoldenSampleOfKpiFrameworkRevisedV1() throws Exception {
        KpiFrameworkRevisedEvent stored = new KpiFrameworkRevisedEvent(CONTRACT, 2, YearMonth.of(2019, 4), List.of(
                new KpiDefinition("WAIT-DAYS", "Days from accepted referral to first appointment", KpiUnit.DAYS,
                        Direction.LOWER_IS_BETTER, List.of(Band.closed(Rating.GREEN, "0", "14"),
                        Band.closed(Rating.AMBER, "15", "28"), Band.above(Rating.RED, "28")), true, ExpectedSource.BOTH)),
                null);

        assertPublishedAs(stored, "KpiFrameworkRevised");
    }

    @Test
    void translatesEachValueOfAReturnIntoTheGoldenSampleOfKpiSubmittedV1() throws Exception {
        KpiValueSubmittedEvent stored = new KpiValueSubmittedEvent(MonthlyReturnId.of(CONTRACT, OCTOBER_2018), CONTRACT,
                OCTOBER_2018, 1, "LAC-ASSESSED-2W", null, KpiUnit.PERCENT, new BigDecimal("66.67"), 2L, 3L, Rating.RED);

        assertPublishedAs(stored, "KpiSubmitted");
    }

    @Test
    void translatesACouncilFigureIntoKpiSubmittedWithSourceCouncil() {
        CouncilKpiValueRecordedEvent stored = new CouncilKpiValueRecordedEvent(MonthlyReturnId.of(CONTRACT, OCTOBER_2018),
                CONTRACT, OCTOBER_2018, 1, "LAC-ASSESSED-2W", null, KpiUnit.PERCENT, new BigDecimal("50"), null, null,
                Rating.RED, "officer.jones", Instant.parse("2018-11-12T10:30:00Z"));

        KpiSubmitted published = (KpiSubmitted) translator.translate(GenericEventMessage.asEventMessage(stored))
                .orElseThrow().payload();
        assertThat(published.source()).isEqualTo("COUNCIL");
        assertThat(published.value()).isEqualByComparingTo("50");
        assertThat(published.band()).isEqualTo("RED");
    }

    @Test
    void translatesAFlagIntoTheGoldenSampleOfKpiDiscrepancyFlaggedV1() throws Exception {
        assertPublishedAs(new KpiDiscrepancyFlaggedEvent(MonthlyReturnId.of(CONTRACT, OCTOBER_2018), CONTRACT,
                OCTOBER_2018, 1, "LAC-ASSESSED-2W", null, new BigDecimal("100"), new BigDecimal("50"),
                new BigDecimal("50"), new BigDecimal("5"), Instant.parse("2018-11-12T10:30:00Z")),
                "KpiDiscrepancyFlagged");
    }

    @Test
    void translatesAResolutionIntoTheGoldenSampleOfKpiDiscrepancyResolvedV1() throws Exception {
        assertPublishedAs(new KpiDiscrepancyResolvedEvent(MonthlyReturnId.of(CONTRACT, OCTOBER_2018), CONTRACT,
                OCTOBER_2018, "LAC-ASSESSED-2W", null, new BigDecimal("100"), new BigDecimal("50"),
                "NELFT counted two children placed by other authorities; the council's figure stands", "officer.jones",
                Instant.parse("2018-11-26T14:00:00Z")), "KpiDiscrepancyResolved");
    }

    @Test
    void translatesAnOverdueReturnIntoTheGoldenSampleOfReturnOverdueV1() throws Exception {
        assertPublishedAs(new ReturnOverdueEvent(MonthlyReturnId.of(CONTRACT, YearMonth.of(2018, 11)), CONTRACT,
                YearMonth.of(2018, 11), java.time.LocalDate.of(2018, 12, 15), Instant.parse("2018-12-16T06:00:00Z")),
                "ReturnOverdue");
    }

    @Test
    void translatesACorrectionIntoTheGoldenSampleOfKpiCorrectedV1() throws Exception {
        KpiCorrectedEvent stored = new KpiCorrectedEvent(MonthlyReturnId.of(CONTRACT, OCTOBER_2018), CONTRACT,
                OCTOBER_2018, 1, "CRISIS-TREATED-4H", "Ashford", KpiUnit.PERCENT, new BigDecimal("86"), null, null,
                Rating.AMBER, new BigDecimal("68"), null, null,
                "Two crisis presentations at Ashford were recorded against Dover", "officer.jones",
                Instant.parse("2018-11-20T11:45:00Z"));

        assertPublishedAs(stored, "KpiCorrected");
    }

    @Test
    void publishesNothingForTheReturnItselfOnlyForItsValues() {
        MonthlyReturnSubmittedEvent stored = new MonthlyReturnSubmittedEvent(MonthlyReturnId.of(CONTRACT, OCTOBER_2018),
                CONTRACT, OCTOBER_2018, 1, "narrative", "nelft");

        assertThat(translator.translate(GenericEventMessage.asEventMessage(stored))).isEmpty();
    }

    private void assertPublishedAs(Object stored, String name) throws Exception {
        Outgoing out = translator.translate(GenericEventMessage.asEventMessage(stored)).orElseThrow();

        assertThat(out.subject()).isEqualTo(CONTRACT);
        assertThat(EventType.of(out.payload().getClass()).qualifiedName()).isEqualTo("org.commissioning.kpi." + name + ".v1");
        assertThat(EventType.of(out.payload().getClass()).topic()).isEqualTo(Topics.KPI);
        // as written on the wire and read back, so 86 is compared as the number it is, whatever its Java type
        JsonNode published = codec.mapper().readTree(codec.mapper().writeValueAsBytes(out.payload()));
        assertThat(published).isEqualTo(goldenData("golden/kpi/" + name + ".v1.json"));
    }

    private JsonNode goldenData(String resource) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath (infra/events)").isNotNull();
            return codec.mapper().readTree(in).get("data");
        }
    }
}
