package org.commissioning.contract.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractOfficersAssignedEvent;
import org.commissioning.contract.api.ContractRecommissionedEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ContractWarningIssuedEvent;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.contract.api.ListContractsQuery;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.MonitoringCadence;
import org.commissioning.contract.api.MonitoringCadenceChangedEvent;
import org.commissioning.contract.api.MonitoringMeetingHeldEvent;
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
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The projection as a plain object over a real MongoTemplate: idempotent, and never rolled back by a replay. */
class ContractSummaryProjectionTest {

    static final MongoTemplate MONGO = TestMongoTemplates.create("contract-summary-projection-test");
    static final Instant T0 = Instant.parse("2018-04-03T09:15:00Z");

    final MongoTemplate mongo = MONGO;
    final ContractSummaryProjection projection = new ContractSummaryProjection(mongo);
    final String id = UUID.randomUUID().toString();

    ContractRegisteredEvent registered(String contractId, String provider, Lot lot) {
        return new ContractRegisteredEvent(contractId, provider, ServiceArea.YOUTH, lot, new BigDecimal("120000.00"),
                LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31), 12);
    }

    @Test
    void buildsTheWholeCurrentStateFromTheLifecycle() {
        projection.on(registered(id, "Sk8side", Lot.districts("Ashford")), 0, T0);
        projection.on(new ContractOfficersAssignedEvent(id, "officer.jones", "manager.patel"), 1, T0.plusSeconds(1));
        projection.on(new ContractVariedEvent(id, new BigDecimal("110000.00"), LocalDate.of(2019, 3, 31),
                new BigDecimal("120000.00"), LocalDate.of(2019, 3, 31), LocalDate.of(2018, 7, 1), "Reach"), 2, T0.plusSeconds(2));
        projection.on(new ContractExtendedEvent(id, LocalDate.of(2020, 3, 31), LocalDate.of(2019, 3, 31), null), 3, T0.plusSeconds(3));
        List<PlanAction> actions = List.of(new PlanAction("Weekly returns", "Sk8side", LocalDate.of(2018, 7, 1)));
        projection.on(new PlanStartedEvent(id, 1, PlanKind.ACTION_PLAN, "Red for three months", actions,
                LocalDate.of(2018, 6, 1)), 4, T0.plusSeconds(4));
        projection.on(new ContractWarningIssuedEvent(id, 1, List.of("Late returns"), LocalDate.of(2018, 6, 1),
                LocalDate.of(2018, 6, 29)), 5, T0.plusSeconds(5));
        projection.on(new PaymentWithheldEvent(id, YearMonth.of(2018, 5), "Does not reconcile", LocalDate.of(2018, 6, 1),
                null, null), 6, T0.plusSeconds(6));
        projection.on(new PaymentAuthorisedEvent(id, YearMonth.of(2018, 5), "Validated", LocalDate.of(2018, 6, 2),
                PaymentDecision.WITHHELD, "Corrected return"), 7, T0.plusSeconds(7));
        projection.on(new PaymentAuthorisedEvent(id, YearMonth.of(2018, 4), "Met", LocalDate.of(2018, 6, 2),
                null, null), 8, T0.plusSeconds(8));

        ContractSummary contract = find(id);

        assertThat(contract.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(contract.annualValueGbp()).isEqualTo(new BigDecimal("110000.00"));
        assertThat(contract.end()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(contract.extensionMonths()).isEqualTo(12);
        assertThat(contract.extensionUsed()).isTrue();
        assertThat(contract.leadOfficer()).isEqualTo("officer.jones");
        assertThat(contract.contractManager()).isEqualTo("manager.patel");
        assertThat(contract.openPlan()).isEqualTo(new ContractSummary.Plan(1, PlanKind.ACTION_PLAN, "Red for three months",
                actions, LocalDate.of(2018, 6, 1)));
        assertThat(contract.warnings()).containsExactly(new ContractSummary.Warning(1, List.of("Late returns"),
                LocalDate.of(2018, 6, 1), LocalDate.of(2018, 6, 29)));
        assertThat(contract.payments()).containsOnlyKeys("2018-04", "2018-05");
        assertThat(contract.payments().keySet()).containsExactly("2018-04", "2018-05");
        assertThat(contract.payments().get("2018-05")).isEqualTo(new ContractSummary.Payment(PaymentDecision.AUTHORISED,
                "Validated", LocalDate.of(2018, 6, 2), PaymentDecision.WITHHELD, "Corrected return"));
        assertThat(contract.version()).isEqualTo(8);
        assertThat(contract.registeredAt()).isEqualTo(T0);
        assertThat(contract.updatedAt()).isEqualTo(T0.plusSeconds(8));
    }

    @Test
    void endsWithTerminationAndRecommissioningAndClosesThePlan() {
        projection.on(registered(id, "West Kent YMCA", Lot.districts("Tunbridge Wells")), 0, T0);
        projection.on(new PlanStartedEvent(id, 1, PlanKind.IMPROVEMENT_PLAN, null,
                List.of(new PlanAction("Recruit staff", "YMCA", LocalDate.of(2018, 7, 1))), LocalDate.of(2018, 6, 1)), 1, T0);
        projection.on(new PlanClosedEvent(id, 1, PlanKind.IMPROVEMENT_PLAN, "Not met", LocalDate.of(2018, 7, 2)), 2, T0);
        projection.on(new ContractTerminatedEvent(id, TerminationInitiator.PROVIDER, LocalDate.of(2018, 8, 31), "Provider's decision"), 3, T0);
        projection.on(new ContractRecommissionedEvent(id, RecommissioningRoute.MINI_PROCUREMENT, null, "successor-1", "Continuity"), 4, T0);

        ContractSummary contract = find(id);

        assertThat(contract.openPlan()).isNull();
        assertThat(contract.status()).isEqualTo(ContractStatus.RECOMMISSIONED);
        assertThat(contract.termination()).isEqualTo(new ContractSummary.Termination(TerminationInitiator.PROVIDER,
                LocalDate.of(2018, 8, 31), "Provider's decision"));
        assertThat(contract.recommissioning()).isEqualTo(new ContractSummary.Recommissioning(
                RecommissioningRoute.MINI_PROCUREMENT, null, "successor-1", "Continuity"));
    }

    @Test
    void replayingTheWholeStreamChangesNothing() {
        Runnable stream = () -> {
            projection.on(registered(id, "Sk8side", Lot.districts("Ashford")), 0, T0);
            projection.on(new ContractWarningIssuedEvent(id, 1, List.of("Late returns"), LocalDate.of(2018, 6, 1),
                    LocalDate.of(2018, 6, 29)), 1, T0.plusSeconds(1));
            projection.on(new PaymentWithheldEvent(id, YearMonth.of(2018, 5), "Does not reconcile",
                    LocalDate.of(2018, 6, 1), null, null), 2, T0.plusSeconds(2));
        };
        stream.run();
        List<Document> once = documents();
        stream.run();

        assertThat(documents()).isEqualTo(once);
        assertThat(find(id).warnings()).hasSize(1);
    }

    @Test
    void neverRollsALaterStateBackWhenAnEarlierEventIsReplayed() {
        projection.on(registered(id, "Sk8side", Lot.districts("Ashford")), 0, T0);
        projection.on(new ContractOfficersAssignedEvent(id, "officer.jones", "manager.patel"), 1, T0);
        projection.on(new ContractOfficersAssignedEvent(id, "officer.smith", "manager.khan"), 2, T0);
        projection.on(new ContractTerminatedEvent(id, TerminationInitiator.COUNCIL, LocalDate.of(2018, 8, 31), "Failure"), 3, T0);

        projection.on(registered(id, "Renamed in a replay", Lot.districts("Dover")), 0, T0);
        projection.on(new ContractOfficersAssignedEvent(id, "officer.jones", "manager.patel"), 1, T0);

        ContractSummary contract = find(id);
        assertThat(contract.provider()).isEqualTo("Sk8side");
        assertThat(contract.leadOfficer()).isEqualTo("officer.smith");
        assertThat(contract.status()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(contract.version()).isEqualTo(3);
    }

    @Test
    void leavesAnUnknownContractAlone() {
        projection.on(new ContractOfficersAssignedEvent(id, "officer.jones", "manager.patel"), 1, T0);

        assertThat(projection.handle(new FindContractQuery(id))).isEmpty();
    }

    @Test
    void listsContractsByEveryFilter() {
        String ashford = UUID.randomUUID().toString();
        String north = UUID.randomUUID().toString();
        String county = UUID.randomUUID().toString();
        projection.on(registered(ashford, "Sk8side", Lot.districts("Ashford")), 0, T0);
        projection.on(registered(north, "Play Place", Lot.areas("North")), 0, T0);
        projection.on(new ContractRegisteredEvent(county, "CXK", ServiceArea.NEETS, Lot.county(), null, null, null, null), 0, T0);
        projection.on(new ContractTerminatedEvent(north, TerminationInitiator.PROVIDER, LocalDate.of(2018, 8, 31), "Ended"), 1, T0);

        assertThat(ids(new ListContractsQuery(null, "South", null, null, null, null))).contains(ashford, county).doesNotContain(north);
        assertThat(ids(new ListContractsQuery(null, null, "Dartford", null, null, null))).contains(north, county).doesNotContain(ashford);
        assertThat(ids(new ListContractsQuery(ServiceArea.NEETS, null, null, null, null, null))).contains(county).doesNotContain(ashford, north);
        assertThat(ids(new ListContractsQuery(null, null, null, ContractStatus.TERMINATED, null, null))).containsExactly(north);
        assertThat(ids(new ListContractsQuery(null, null, null, null, "play place", null))).containsExactly(north);
        assertThat(ids(new ListContractsQuery(null, null, null, null, "Play", null))).isEmpty();
        assertThat(ids(new ListContractsQuery(null, null, null, null, null, "RED"))).isEmpty();
        assertThat(ids(ListContractsQuery.all())).contains(ashford, north, county);
    }

    private ContractSummary find(String contractId) {
        return projection.handle(new FindContractQuery(contractId)).orElseThrow();
    }

    private List<String> ids(ListContractsQuery query) {
        return projection.handle(query).stream().map(ContractSummary::id).toList();
    }

    private List<Document> documents() {
        return mongo.getCollection(ContractSummaryProjection.COLLECTION).find(new Document("_id", id)).into(new java.util.ArrayList<>());
    }

    @Test
    void anEndedContractHasNoCadenceNoMeetingDueAndIsNeverOverdue() {
        String expiring = UUID.randomUUID().toString();
        String recommissioned = UUID.randomUUID().toString();
        for (String contract : List.of(id, expiring, recommissioned)) {
            projection.on(registered(contract, "Sk8side", Lot.districts("Ashford")), 0, T0);
            projection.on(new MonitoringMeetingHeldEvent(contract, 1, LocalDate.of(2018, 3, 1), List.of("officer.jones"),
                    "Notes", List.of(), null), 1, T0.plusSeconds(1));
            projection.on(new MonitoringCadenceChangedEvent(contract, Rating.RED, MonitoringCadence.MONTHLY, null,
                    YearMonth.of(2018, 3), LocalDate.of(2018, 4, 1), LocalDate.of(2018, 4, 1)), 2, T0.plusSeconds(2));
        }
        assertThat(projection.withMeetingOverdue(LocalDate.of(2018, 6, 1)))
                .contains(id, expiring, recommissioned);

        projection.on(new ContractTerminatedEvent(id, TerminationInitiator.PROVIDER, LocalDate.of(2018, 8, 31),
                "Provider withdrew"), 3, T0.plusSeconds(3));
        projection.on(new ContractExpiredEvent(expiring, LocalDate.of(2019, 3, 31)), 3, T0.plusSeconds(3));
        projection.on(new ContractTerminatedEvent(recommissioned, TerminationInitiator.COUNCIL,
                LocalDate.of(2018, 8, 31), "Council ended it"), 3, T0.plusSeconds(3));
        projection.on(new ContractRecommissionedEvent(recommissioned, RecommissioningRoute.IN_HOUSE, null, null,
                "Brought in-house"), 4, T0.plusSeconds(4));

        for (String contract : List.of(id, expiring, recommissioned)) {
            ContractSummary.Monitoring monitoring = find(contract).monitoring();
            assertThat(monitoring.cadence()).as(contract).isNull();
            assertThat(monitoring.nextMeetingDue()).as(contract).isNull();
            assertThat(monitoring.rating()).as(contract).isNull();
            assertThat(monitoring.meetingsHeld()).as("its meetings stay on record").isEqualTo(1);
            assertThat(monitoring.lastMeeting().heldOn()).isEqualTo(LocalDate.of(2018, 3, 1));
        }
        assertThat(projection.withMeetingOverdue(LocalDate.of(2018, 6, 1)))
                .doesNotContain(id, expiring, recommissioned);
    }
}
