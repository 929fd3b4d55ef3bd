package org.commissioning.contract.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericEventMessage;
import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractOfficersAssignedEvent;
import org.commissioning.contract.api.ContractRatingRecordedEvent;
import org.commissioning.contract.api.ContractRecommissionedEvent;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.VariationRecommendedEvent;
import org.commissioning.contract.api.MonitoringCadence;
import org.commissioning.contract.api.MonitoringCadenceChangedEvent;
import org.commissioning.contract.api.MonitoringMeetingHeldEvent;
import org.commissioning.contract.api.MonitoringMeetingOverdueEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ContractWarningIssuedEvent;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PaymentWithheldEvent;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanKind;
import org.commissioning.contract.api.PlanStartedEvent;
import org.commissioning.contract.api.RecommissioningRoute;
import org.commissioning.contract.api.ServiceArea;
import org.commissioning.contract.api.TerminationInitiator;
import org.commissioning.events.EventType;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractsV1;
import org.commissioning.events.contracts.v1.HistorySealed;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.relay.IntegrationEventTranslator.Outgoing;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The producer's side of the contract: what contract-service publishes for each stored event matches the golden
 * sample of its published type, field for field.
 */
class ContractEventTranslatorTest {

    static final String ID = "2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10";

    /** The stored event behind each golden sample of {@code golden/contracts}. */
    static final List<ContractEvent> GOLDEN_STORY = List.of(
            new ContractRegisteredEvent(ID, "Sk8side", ServiceArea.YOUTH, Lot.districts("Ashford"),
                    new BigDecimal("120000.00"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31), 12),
            new ContractOfficersAssignedEvent(ID, "officer.jones", "manager.patel"),
            new PlanStartedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Registrations below target for three months", List.of(
                    new PlanAction("Weekly data returns to the commissioning officer", "Sk8side service manager",
                            LocalDate.of(2018, 6, 1)),
                    new PlanAction("Outreach sessions in rural Ashford", "Sk8side youth lead", LocalDate.of(2018, 7, 31))),
                    LocalDate.of(2018, 5, 2)),
            new PlanClosedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Registrations back on target; data returned weekly",
                    LocalDate.of(2018, 8, 1)),
            new ContractWarningIssuedEvent(ID, 1, List.of("Registrations below target for three consecutive months",
                    "Monthly returns submitted late"), LocalDate.of(2018, 9, 3), LocalDate.of(2018, 10, 1)),
            new ContractVariedEvent(ID, new BigDecimal("110000.00"), LocalDate.of(2019, 3, 31), new BigDecimal("120000.00"),
                    LocalDate.of(2019, 3, 31), LocalDate.of(2018, 10, 1),
                    "Reduced reach in rural areas agreed at the monitoring meeting"),
            new ContractExtendedEvent(ID, LocalDate.of(2020, 3, 31), LocalDate.of(2019, 3, 31),
                    "Option to extend for a further year taken"),
            new PaymentWithheldEvent(ID, YearMonth.of(2019, 1),
                    "Figures do not reconcile with KCC systems and cannot be validated", LocalDate.of(2019, 2, 12), null, null),
            new PaymentAuthorisedEvent(ID, YearMonth.of(2019, 1),
                    "Figures validated against KCC systems; performance satisfactory", LocalDate.of(2019, 3, 5),
                    PaymentDecision.WITHHELD, "Corrected return received and reconciled"),
            new ContractTerminatedEvent(ID, TerminationInitiator.PROVIDER, LocalDate.of(2019, 6, 30),
                    "The provider has decided to end the contract after a formal warning"),
            new ContractRecommissionedEvent(ID, RecommissioningRoute.MINI_PROCUREMENT, null,
                    "9b1e4c2d-6a7f-4e3b-8c5d-2f1a0e9d8c7b",
                    "Mini procurement among current providers to keep provision in Ashford"),
            new ContractExpiredEvent("5c1d7e3f-2a4b-4c6d-8e9f-0a1b2c3d4e5f", LocalDate.of(2020, 9, 30)),
            new MonitoringCadenceChangedEvent(ID, Rating.RED, MonitoringCadence.MONTHLY, MonitoringCadence.BI_MONTHLY,
                    YearMonth.of(2018, 3), LocalDate.of(2018, 4, 10), LocalDate.of(2018, 4, 26)),
            new MonitoringMeetingHeldEvent(ID, 2, LocalDate.of(2018, 4, 25),
                    List.of("officer.jones", "Sk8side service manager"),
                    "Registrations below target; data returns late. Provider to send weekly figures.",
                    List.of(new PlanAction("Weekly data returns to the commissioning officer", "Sk8side service manager",
                            LocalDate.of(2018, 5, 4))),
                    LocalDate.of(2018, 5, 25)),
            new MonitoringMeetingOverdueEvent(ID, LocalDate.of(2018, 5, 25), MonitoringCadence.MONTHLY,
                    LocalDate.of(2018, 4, 25), LocalDate.of(2018, 5, 26)),
            new EscalationDueEvent(ID, List.of(YearMonth.of(2018, 3), YearMonth.of(2018, 4), YearMonth.of(2018, 5)), 3,
                    LocalDate.of(2018, 6, 8)));

    final ContractEventTranslator translator = new ContractEventTranslator();
    final IntegrationEventCodec codec = new IntegrationEventCodec();

    @TestFactory
    Stream<DynamicTest> translatesEachStoredEventIntoTheGoldenSampleOfItsPublishedType() {
        return GOLDEN_STORY.stream().map(stored -> DynamicTest.dynamicTest(stored.getClass().getSimpleName(), () -> {
            Outgoing out = translator.translate(GenericEventMessage.asEventMessage(stored)).orElseThrow();

            EventType type = EventType.of(out.payload().getClass());
            assertThat(out.subject()).isEqualTo(stored.contractId());
            assertThat(type.topic()).isEqualTo("contracts.events.v1");
            JsonNode golden = golden("golden/contracts/" + type.name() + ".v1.json");
            assertThat(golden.get("subject").asText()).isEqualTo(stored.contractId());
            assertThat((JsonNode) codec.mapper().valueToTree(out.payload())).isEqualTo(golden.get("data"));
        }));
    }

    @Test
    void publishesEveryStoredEventTypeAsADistinctPublishedType() {
        Set<Class<?>> published = GOLDEN_STORY.stream()
                .map(e -> translator.translate(GenericEventMessage.asEventMessage(e)).orElseThrow().payload().getClass())
                .collect(Collectors.toSet());

        // HistorySealed is published by the platform's history chain, not translated from a stored event
        List<Class<?>> translated = ContractsV1.TYPES.stream().filter(type -> type != HistorySealed.class).toList();
        assertThat(published).containsExactlyInAnyOrderElementsOf(translated);
        // every stored event type but the unpublished ContractRatingRecordedEvent and VariationRecommendedEvent
        assertThat(ContractEvent.class.getPermittedSubclasses()).hasSize(translated.size() + 2);
    }

    @Test
    void keepsTheRatingLearntFromRatingsUnpublished() {
        ContractRatingRecordedEvent recorded = new ContractRatingRecordedEvent(ID, YearMonth.of(2018, 5), Rating.RED, null);

        assertThat(translator.translate(GenericEventMessage.asEventMessage(recorded))).isEmpty();
    }

    @Test
    void keepsTheRecommendationLearntFromDeepDivesUnpublished() {
        VariationRecommendedEvent recorded = new VariationRecommendedEvent(ID, 2018, "A second session a week",
                LocalDate.of(2018, 5, 25));

        assertThat(translator.translate(GenericEventMessage.asEventMessage(recorded))).isEmpty();
    }

    @Test
    void publishesAnEscalationDueToAnInadequateDeepDiveAsItsGoldenSample() throws Exception {
        EscalationDueEvent stored = EscalationDueEvent.inadequateDeepDive(ID, 2018, LocalDate.of(2018, 5, 25),
                LocalDate.of(2018, 5, 25));

        Outgoing out = translator.translate(GenericEventMessage.asEventMessage(stored)).orElseThrow();

        assertThat((JsonNode) codec.mapper().valueToTree(out.payload()))
                .isEqualTo(golden("golden/contracts/EscalationDue.v1.deep-dive.json").get("data"));
    }

    @Test
    void translatesACountyLotIntoEveryAreaAndDistrict() {
        ContractRegisteredEvent stored = new ContractRegisteredEvent("c", "CXK", ServiceArea.NEETS, Lot.county(),
                null, null, LocalDate.of(2020, 9, 30), 0);

        ContractRegistered published = (ContractRegistered) translator.translate(
                GenericEventMessage.asEventMessage(stored)).orElseThrow().payload();

        assertThat(published.lot().areas()).containsExactly("North", "East", "South", "West");
        assertThat(published.lot().districts()).hasSize(12);
    }

    @Test
    void publishesNothingForAnEventThatIsNotAContractEvent() {
        assertThat(translator.translate(GenericEventMessage.asEventMessage("something else"))).isEmpty();
    }

    private JsonNode golden(String resource) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath (infra/events)").isNotNull();
            return codec.mapper().readTree(in);
        }
    }
}
