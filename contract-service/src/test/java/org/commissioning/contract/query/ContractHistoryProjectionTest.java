package org.commissioning.contract.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractHistoryQuery;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.PlanKind;
import org.commissioning.contract.api.PlanStartedEvent;
import org.commissioning.contract.api.ServiceArea;
import org.commissioning.contract.api.TerminationInitiator;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The history as a plain object over a real MongoTemplate: one entry per stored event, however often it arrives. */
class ContractHistoryProjectionTest {

    static final MongoTemplate MONGO = TestMongoTemplates.create("contract-history-projection-test");
    static final Instant T0 = Instant.parse("2018-04-03T09:15:00Z");

    final ContractHistoryProjection projection = new ContractHistoryProjection(MONGO);
    final String id = UUID.randomUUID().toString();

    GenericDomainEventMessage<ContractEvent> stored(long sequence, ContractEvent event, String actor) {
        return new GenericDomainEventMessage<>("Contract", id, sequence, event,
                actor == null ? MetaData.emptyInstance() : MetaData.with("actor", actor),
                id + "-" + sequence, T0.plusSeconds(sequence));
    }

    void project(GenericDomainEventMessage<ContractEvent> message) {
        projection.on(message.getPayload(), message);
    }

    @Test
    void recordsEachEventWithItsTypeActorSummaryAndFieldsInOrder() {
        project(stored(0, new ContractRegisteredEvent(id, "Sk8side", ServiceArea.YOUTH, Lot.districts("Ashford"),
                new BigDecimal("120000.00"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31), 12), "officer.jones"));
        project(stored(1, new ContractVariedEvent(id, new BigDecimal("110000.00"), LocalDate.of(2019, 3, 31),
                new BigDecimal("120000.00"), LocalDate.of(2019, 3, 31), LocalDate.of(2018, 7, 1), "Reduced reach"), "manager.patel"));
        project(stored(2, new PlanStartedEvent(id, 1, PlanKind.ACTION_PLAN, null,
                List.of(new PlanAction("Weekly returns", "Sk8side", LocalDate.of(2018, 7, 1))), LocalDate.of(2018, 6, 1)), null));
        project(stored(3, new PaymentAuthorisedEvent(id, YearMonth.of(2018, 5), "Validated", LocalDate.of(2018, 6, 2),
                PaymentDecision.WITHHELD, "Corrected return"), "manager.patel"));
        project(stored(4, new ContractTerminatedEvent(id, TerminationInitiator.PROVIDER, LocalDate.of(2018, 8, 31),
                "Provider's decision"), "manager.patel"));

        List<ContractHistoryEntry> history = projection.handle(new ContractHistoryQuery(id));

        assertThat(history).extracting(ContractHistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(history).extracting(ContractHistoryEntry::type).containsExactly("ContractRegistered",
                "ContractVaried", "PlanStarted", "PaymentAuthorised", "ContractTerminated");
        assertThat(history).extracting(ContractHistoryEntry::actor).containsExactly("officer.jones", "manager.patel",
                "system", "manager.patel", "manager.patel");
        assertThat(history.get(0).eventId()).isEqualTo(id + "-0");
        assertThat(history.get(0).time()).isEqualTo(T0);
        assertThat(history.get(0).summary()).isEqualTo("Registered Sk8side's Youth contract (district lot Ashford), "
                + "£120,000.00 a year, 2016-04-01 to 2019-03-31, extendable once by up to 12 months");
        assertThat(history.get(1).summary())
                .isEqualTo("Varied from 2018-07-01: annual value £120,000.00 to £110,000.00; Reduced reach");
        assertThat(history.get(2).summary()).isEqualTo("Action plan 1 started on 2018-06-01 with 1 action");
        assertThat(history.get(3).summary()).isEqualTo("Payment for 2018-05 authorised: Validated "
                + "(superseding the earlier decision, withheld: Corrected return)");
        assertThat(history.get(4).summary())
                .isEqualTo("Terminated by the provider, effective 2018-08-31: Provider's decision");

        Map<String, Object> registered = history.get(0).fields();
        assertThat(registered).containsEntry("contractId", id).containsEntry("provider", "Sk8side")
                .containsEntry("serviceArea", "YOUTH").containsEntry("annualValueGbp", new BigDecimal("120000.00"))
                .containsEntry("start", "2016-04-01").containsEntry("extensionMonths", 12)
                .containsEntry("lot", Map.of("scope", "DISTRICT", "names", List.of("Ashford")));
        assertThat(history.get(2).fields().get("actions"))
                .isEqualTo(List.of(Map.of("description", "Weekly returns", "owner", "Sk8side", "dueDate", "2018-07-01")));
        assertThat(history.get(2).fields()).doesNotContainKey("reason");
        assertThat(history.get(3).fields()).containsEntry("period", "2018-05").containsEntry("supersedes", "WITHHELD");
    }

    @Test
    void showsWhoStartedTheChainOfAnEntryCausedByAnotherServicesEvent() {
        project(stored(0, new ContractRegisteredEvent(id, "Sk8side", ServiceArea.YOUTH, Lot.county(), null,
                null, null, 0), "officer.jones"));
        project(new GenericDomainEventMessage<>("Contract", id, 1, new EscalationDueEvent(id,
                List.of(YearMonth.of(2018, 3), YearMonth.of(2018, 4), YearMonth.of(2018, 5)), 3,
                LocalDate.of(2018, 6, 8)), MetaData.with("actor", "system").and("causedby", "provider.nelft"),
                id + "-1", T0.plusSeconds(1)));

        List<ContractHistoryEntry> history = projection.handle(new ContractHistoryQuery(id));

        assertThat(history).extracting(ContractHistoryEntry::actor, ContractHistoryEntry::causedBy)
                .containsExactly(tuple("officer.jones", null), tuple("system", "provider.nelft"));
    }

    @Test
    void keepsOneEntryPerEventWhenEventsAreReplayed() {
        var registered = stored(0, new ContractRegisteredEvent(id, "Sk8side", ServiceArea.YOUTH, Lot.county(), null,
                null, null, 0), "officer.jones");
        var terminated = stored(1, new ContractTerminatedEvent(id, TerminationInitiator.COUNCIL, LocalDate.of(2018, 8, 31),
                "Failure"), "officer.jones");
        project(registered);
        project(terminated);
        project(registered);
        project(terminated);
        project(registered);

        assertThat(projection.handle(new ContractHistoryQuery(id)))
                .extracting(ContractHistoryEntry::eventId).containsExactly(id + "-0", id + "-1");
    }

    @Test
    void answersAnUnknownContractWithNoHistory() {
        assertThat(projection.handle(new ContractHistoryQuery(UUID.randomUUID().toString()))).isEmpty();
    }
}
