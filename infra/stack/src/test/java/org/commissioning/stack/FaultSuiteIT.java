package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite's short form ({@link FaultSuite.Settings#shortForm()}): ten contracts, six monthly returns each
 * with overrides and lifecycle steps, and one fault of each kind while the load runs (Kafka broker restart, kill -9 of
 * rag-service, MongoDB server restart, kpi-service frozen past its consumer session timeout, poison records and
 * copies of records on every topic). On a stack of its own (its own data directory and ports): the faults would
 * disturb the classes sharing {@link SharedStack}. Then, on the same stack, a second instance of contract-service and
 * of rag-service ({@link TwoInstances}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    static LocalStack stack;
    static Duration started;

    @BeforeAll
    static void aStackOfItsOwn() throws Exception {
        StackOptions options = StacksUnderTest.freshOptions("fault-suite");
        stack = new LocalStack(options,
                FaultSuite.serviceProperties(FaultSuite.Settings.shortForm().sessionTimeout()));
        long t0 = System.nanoTime();
        try {
            stack.start(StacksUnderTest.READY_WITHIN);
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        started = Duration.ofNanos(System.nanoTime() - t0);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void losesNothingAndDoublesNothingThroughOneFaultOfEachKind() throws Exception {
        FaultSuite.Result result = FaultSuite.run(stack, FaultSuite.Settings.shortForm(), started);
        System.out.println(FaultSuite.report(result, "(short form in CI)"));
        FaultSuite.Figures figures = result.figures();

        assertThat(result.faults()).hasSize(6);
        assertThat(figures.acceptedReturns()).isEqualTo(60);
        assertThat(figures.loadFailures()).isEmpty();
        assertThat(figures.returnsLostOnKpiTopic()).as("lost on kpi.events.v1").isZero();
        assertThat(figures.returnsNotRatedOnTopic()).as("not rated on ratings.events.v1").isZero();
        assertThat(figures.returnsNotRatedInApi()).as("not rated in the history").isZero();
        assertThat(figures.stepsAccepted()).isPositive();
        assertThat(figures.stepsLost()).isZero();
        assertThat(figures.stepsDuplicated()).isZero();
        assertThat(figures.duplicatedEffectsByContent()).as("%s", figures.duplicatedByType()).isZero();
        assertThat(figures.ratingInputs()).isGreaterThanOrEqualTo(180);
        assertThat(figures.inputsRatedTwice()).isZero();
        assertThat(figures.inputsNotRated()).isZero();
        assertThat(figures.sequenceGaps()).as("%s", figures.examples()).isZero();
        assertThat(figures.sequenceConflicts()).as("%s", figures.examples()).isZero();
        assertThat(figures.dashboardMismatches()).as("%s", figures.examples()).isZero();
        assertThat(figures.historyMismatches()).as("%s", figures.examples()).isZero();
        assertThat(figures.rebuilds()).extracting(RebuildCheck.Outcome::readModel).contains("rating_history");
        assertThat(figures.rebuilds()).allSatisfy(r -> assertThat(r.equal()).as("%s", r).isTrue());
        assertThat(figures.lagZeroAfterLoad()).isNotNull();
        assertThat(figures.lagAtEnd().values()).allMatch(lag -> lag == 0);
        assertThat(figures.topics()).allSatisfy(t -> {
            assertThat(t.poisonOnTopic()).isEqualTo(t.poisonSent()).isPositive();
            assertThat(t.sequences().duplicateRecords()).isGreaterThanOrEqualTo(t.copiesSent());
        });
        assertThat(figures.problems()).isEmpty();
    }

    @Test
    @Order(2)
    void ratesEveryReturnOnceWithTwoInstancesOfContractAndRagServiceAndTheRelayOwnerKilled() throws Exception {
        stack.startOtherInstances(Map.of("contract-service", StacksUnderTest.listenPort(),
                "rag-service", StacksUnderTest.listenPort()), StacksUnderTest.READY_WITHIN);

        new TwoInstances(stack).ratesEveryReturnOnceWhileTwoInstancesShareTheWorkAndOneIsKilled();
    }
}
