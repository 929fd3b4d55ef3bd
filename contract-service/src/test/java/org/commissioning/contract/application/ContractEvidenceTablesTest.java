package org.commissioning.contract.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.commissioning.contract.api.ContractEventsAsOfQuery;
import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractRatingRecordedEvent;
import org.commissioning.contract.api.ContractRecommissionedEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.MonitoringCadence;
import org.commissioning.contract.api.MonitoringMeetingOverdueEvent;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PaymentWithheldEvent;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanKind;
import org.commissioning.contract.api.PlanStartedEvent;
import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.RecommissioningRoute;
import org.commissioning.contract.api.ServiceArea;
import org.commissioning.contract.api.StoredContractEvent;
import org.commissioning.contract.api.TerminationInitiator;
import org.commissioning.contract.query.ContractsAsOf;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.evidence.EvidenceFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tables of a contract's evidence part from its stored events, read back over Axon's own event store in memory:
 * what each kind of event puts in each column, and the order of the rows.
 */
class ContractEvidenceTablesTest {

    static final Instant T0 = Instant.parse("2018-04-03T09:15:00Z");

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final String id = UUID.randomUUID().toString();
    final List<GenericDomainEventMessage<?>> stored = new ArrayList<>();

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void givesEachLifecycleEntryItsBusinessDateMonthAndReasonWithWhoStoredItAndWhen() throws Exception {
        store(new ContractRegisteredEvent(id, "Pie Factory", ServiceArea.YOUTH, Lot.districts("Thanet"),
                new BigDecimal("120000.00"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31), 12));
        store(new ContractVariedEvent(id, new BigDecimal("95000.50"), LocalDate.of(2019, 3, 31),
                new BigDecimal("120000.00"), LocalDate.of(2019, 3, 31), LocalDate.of(2018, 7, 1),
                "Reach reduced, by agreement"));
        store(new ContractExtendedEvent(id, LocalDate.of(2020, 3, 31), LocalDate.of(2019, 3, 31), null));
        storeBySystem(new ContractRatingRecordedEvent(id, YearMonth.of(2018, 5), Rating.AMBER, null));
        store(new ContractTerminatedEvent(id, TerminationInitiator.COUNCIL, LocalDate.of(2019, 9, 30),
                "Service no longer required"));
        store(new ContractRecommissionedEvent(id, RecommissioningRoute.IN_HOUSE, null, null,
                "Aligned with the Early Help Units"));

        List<CSVRecord> lifecycle = rows(tables(T0.plusSeconds(60)).lifecycleCsv());

        assertThat(lifecycle).extracting(r -> List.of(r.get("sequence"), r.get("type"), r.get("business_date"),
                r.get("period"), r.get("reason"))).containsExactly(
                List.of("0", "ContractRegistered", "2016-04-01", "", ""),
                List.of("1", "ContractVaried", "2018-07-01", "", "Reach reduced, by agreement"),
                List.of("2", "ContractExtended", "", "", ""),
                List.of("3", "ContractRatingRecorded", "", "2018-05", ""),
                List.of("4", "ContractTerminated", "2019-09-30", "", "Service no longer required"),
                List.of("5", "ContractRecommissioned", "", "", "Aligned with the Early Help Units"));
        assertThat(lifecycle.get(1).get("stored_at")).isEqualTo(T0.plusSeconds(1).toString());
        assertThat(lifecycle.get(1).get("event_id")).isEqualTo(stored.get(1).getIdentifier());
        assertThat(lifecycle.get(1).get("actor_name")).isEqualTo("Officer Jones");
        assertThat(lifecycle.get(1).get("correlation_id")).isEqualTo("request-1");
        assertThat(lifecycle.get(1).get("details")).contains("\"previousAnnualValueGbp\":120000.00");
        CSVRecord rating = lifecycle.get(3);
        assertThat(List.of(rating.get("actor"), rating.get("actor_name"), rating.get("caused_by")))
                .containsExactly("system", "system", "officer.jones");
        assertThat(lifecycle.get(5).get("summary")).startsWith("Recommissioned: brought in-house");
    }

    @Test
    void listsEveryPaymentDecisionByMonthThenAsStoredMarkingTheOneInForce() throws Exception {
        store(registration());
        store(new PaymentAuthorisedEvent(id, YearMonth.of(2018, 5), "KPIs met", LocalDate.of(2018, 6, 1), null, null));
        store(new PaymentWithheldEvent(id, YearMonth.of(2018, 4), "Figures do not reconcile",
                LocalDate.of(2018, 5, 10), null, null));
        store(new PaymentAuthorisedEvent(id, YearMonth.of(2018, 4), "Figures validated", LocalDate.of(2018, 6, 1),
                PaymentDecision.WITHHELD, "Corrected return reconciled"));

        List<CSVRecord> payments = rows(tables(T0.plusSeconds(60)).payments());

        assertThat(payments).extracting(r -> List.of(r.get("period"), r.get("sequence"), r.get("decision"),
                r.get("in_force"), r.get("decided_on"))).containsExactly(
                List.of("2018-04", "2", "WITHHELD", "false", "2018-05-10"),
                List.of("2018-04", "3", "AUTHORISED", "true", "2018-06-01"),
                List.of("2018-05", "1", "AUTHORISED", "true", "2018-06-01"));
        // as of before the superseding decision, the withholding is in force
        assertThat(rows(tables(T0.plusSeconds(2)).payments())).extracting(r -> r.get("in_force"))
                .containsExactly("true", "true");
    }

    @Test
    void listsRevisedRatingsByMonthAndEveryEscalationStepAndOverdueMeetingAsStored() throws Exception {
        store(registration());
        storeBySystem(new ContractRatingRecordedEvent(id, YearMonth.of(2018, 5), Rating.RED, null));
        storeBySystem(new ContractRatingRecordedEvent(id, YearMonth.of(2018, 4), Rating.AMBER, null));
        storeBySystem(new ContractRatingRecordedEvent(id, YearMonth.of(2018, 5), Rating.AMBER, Rating.RED));
        store(new PlanStartedEvent(id, 1, PlanKind.ACTION_PLAN, "Late returns", List.of(
                new PlanAction("Returns by the 10th", "Pie Factory", LocalDate.of(2018, 7, 10))),
                LocalDate.of(2018, 6, 1)));
        store(new PlanClosedEvent(id, 1, PlanKind.ACTION_PLAN, "Returns on time\nthree months running",
                LocalDate.of(2018, 9, 1)));
        storeBySystem(new MonitoringMeetingOverdueEvent(id, LocalDate.of(2018, 9, 1), MonitoringCadence.QUARTERLY,
                null, LocalDate.of(2018, 9, 2)));
        ContractEvidenceTables tables = tables(T0.plusSeconds(60));

        assertThat(rows(tables.ratings())).extracting(r -> List.of(r.get("period"), r.get("rating"),
                r.get("previous_rating"), r.get("sequence"))).containsExactly(
                List.of("2018-04", "AMBER", "", "2"),
                List.of("2018-05", "RED", "", "1"),
                List.of("2018-05", "AMBER", "RED", "3"));
        assertThat(rows(tables.escalation())).extracting(r -> List.of(r.get("type"), r.get("number"), r.get("kind"),
                r.get("business_date"), r.get("reason"), r.get("actions"))).containsExactly(
                List.of("PlanStarted", "1", "ACTION_PLAN", "2018-06-01", "Late returns", "1"),
                List.of("PlanClosed", "1", "ACTION_PLAN", "2018-09-01", "Returns on time\nthree months running", ""));
        assertThat(rows(tables.overdueMeetings())).singleElement().satisfies(r -> {
            assertThat(r.get("due_date")).isEqualTo("2018-09-01");
            assertThat(r.get("cadence")).isEqualTo("QUARTERLY");
            assertThat(r.get("last_meeting_held_on")).isEmpty();
            assertThat(r.get("actor")).isEqualTo("system");
        });
        assertThat(rows(tables.lifecycleCsv())).extracting(r -> r.get("business_date")).endsWith("2018-09-02");
    }

    @Test
    void rendersTheSameTextForTheSameEventsAndInstant() {
        store(registration());
        store(new ContractExpiredEvent(id, LocalDate.of(2019, 3, 31)));
        ContractEvidenceTables once = tables(T0.plusSeconds(60));
        ContractEvidenceTables again = tables(T0.plusSeconds(60));

        for (var file : List.<java.util.function.Function<ContractEvidenceTables, EvidenceFile>>of(
                ContractEvidenceTables::lifecycleCsv, ContractEvidenceTables::lifecycleJson,
                ContractEvidenceTables::payments, ContractEvidenceTables::escalation)) {
            assertThat(file.apply(again)).isEqualTo(file.apply(once));
        }
        assertThat(once.lifecycleJson().content()).contains("\"businessDate\" : \"2019-03-31\"")
                .contains("\"storedAt\" : \"2018-04-03T09:15:01Z\"").endsWith("]\n");
    }

    private ContractRegisteredEvent registration() {
        return new ContractRegisteredEvent(id, "Pie Factory", ServiceArea.YOUTH, Lot.districts("Thanet"),
                new BigDecimal("120000.00"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31), 12);
    }

    /** Stored one second after the one before, at an officer's request. */
    private void store(Object event) {
        store(event, new CausationContext("officer.jones", "Officer Jones", "request-" + stored.size(), null));
    }

    /** Stored as the service's own work, caused by another service's event that the officer's request started. */
    private void storeBySystem(Object event) {
        store(event, CausationContext.causedByEvent("officer.jones", "request-" + stored.size()));
    }

    private void store(Object event, CausationContext causation) {
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>("Contract", id, stored.size(), event,
                causation.metaData(), UUID.randomUUID().toString(), T0.plusSeconds(stored.size()));
        stored.add(message);
        eventStore.publish(message);
    }

    private ContractEvidenceTables tables(Instant asOf) {
        List<StoredContractEvent> events = new ContractsAsOf(eventStore).handle(new ContractEventsAsOfQuery(id, asOf));
        return new ContractEvidenceTables(events);
    }

    private static List<CSVRecord> rows(EvidenceFile file) throws IOException {
        assertThat(file.name()).startsWith("contract/");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(file.content())).getRecords();
    }
}
