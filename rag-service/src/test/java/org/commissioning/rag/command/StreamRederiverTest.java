package org.commissioning.rag.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.ContractTerm;
import org.commissioning.rag.api.FlagKpiDiscrepancyCommand;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.OverrideRatingCommand;
import org.commissioning.rag.api.RagOverriddenEvent;
import org.commissioning.rag.api.RateKpiValueCommand;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RecordFrameworkCommand;
import org.commissioning.rag.api.RecordTrajectoryStatementCommand;
import org.commissioning.rag.api.Rederivation.Underivable;
import org.commissioning.rag.api.ResolveKpiDiscrepancyCommand;
import org.commissioning.rag.api.TrajectoryAssessedEvent;
import org.commissioning.rag.command.StreamRederiver.Stored;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replay of a stream the aggregate recorded finds nothing; an event edited after the fact is named. */
class StreamRederiverTest {

    static final String C = ContractRatingTest.C;
    static final ContractTerm TERM = new ContractTerm(LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2018-11-01T09:00:00Z"), ZoneId.of("Europe/London"));
    static final YearMonth APR = YearMonth.of(2018, 4);

    final List<Object> stream = new ArrayList<>();

    /**
     * Six months of triage and crisis values under version 1, a revision from August, a correction, a discrepancy
     * flagged and resolved, one flagged before its period was rated, two officer ratings (one of a month without
     * values) and an officer's trajectory statement, each recorded by the aggregate itself.
     */
    @BeforeEach
    void recordByTheAggregate() {
        record(new RecordFrameworkCommand(C, Bands.framework(1, APR)));
        String[][] months = {{"2018-04", "97", "86"}, {"2018-05", "91", "92"}, {"2018-06", "84", "93"},
                {"2018-07", "88", "90"}, {"2018-08", "92", "96"}, {"2018-09", "93", "95"}};
        for (String[] month : months) {
            if (month[0].equals("2018-08")) {
                record(new RecordFrameworkCommand(C, Bands.framework(2, YearMonth.of(2018, 8))));
                record(new FlagKpiDiscrepancyCommand(C, YearMonth.parse(month[0]), Bands.TRIAGE_CODE,
                        new BigDecimal(month[1]), new BigDecimal("80")));
            }
            record(value(month[0], Bands.TRIAGE_CODE, month[1], false));
            record(value(month[0], Bands.CRISIS_CODE, month[2], false));
        }
        record(value("2018-05", Bands.REACH_CODE, "50", false));
        record(value("2018-06", Bands.TRIAGE_CODE, "91", true));
        record(new FlagKpiDiscrepancyCommand(C, YearMonth.of(2018, 7), Bands.CRISIS_CODE, new BigDecimal("90"),
                new BigDecimal("70")));
        record(new ResolveKpiDiscrepancyCommand(C, YearMonth.of(2018, 7), Bands.CRISIS_CODE, "council figure was a "
                + "typing error", "officer.jones"));
        record(new OverrideRatingCommand(C, YearMonth.of(2018, 9), Rating.AMBER, "complaints rising",
                "officer.jones", TERM));
        record(new OverrideRatingCommand(C, YearMonth.of(2018, 3), Rating.GREEN, "rated at the annual review",
                "officer.jones", TERM));
        record(new RecordTrajectoryStatementCommand(C, Rating.GREEN, 3, "on trajectory for green", "officer.jones",
                TERM));
    }

    @Test
    void findsNothingInAStreamTheAggregateRecorded() {
        assertThat(stream).hasAtLeastOneElementOfType(RagOverriddenEvent.class)
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TrajectoryAssessedEvent.class,
                        t -> assertThat(t.basis()).isEqualTo(Basis.COMPUTED)))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TrajectoryAssessedEvent.class,
                        t -> assertThat(t.basis()).isEqualTo(Basis.OFFICER)))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ContractRatedEvent.class,
                        r -> assertThat(r.reason()).startsWith("re-rated after KPI")))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ContractRatedEvent.class,
                        r -> assertThat(r.provisional()).isTrue()));

        assertThat(StreamRederiver.check(C, stored(stream))).isEmpty();
    }

    @Test
    void namesAReasonEditedAfterTheFact() {
        int at = indexOf(e -> e instanceof ContractRatedEvent r && r.reason() != null
                && r.reason().startsWith("re-rated after KPI"));
        ContractRatedEvent r = (ContractRatedEvent) stream.get(at);
        stream.set(at, new ContractRatedEvent(C, r.period(), r.rating(), r.computedRating(), r.basis(),
                r.provisional(), r.policyVersion(), r.evidence(), r.missingHeadlines(), r.frameworkVersions(),
                r.ratedBy(), r.rationale(), r.notValidated(), "re-rated after a meeting"));

        List<Underivable> found = StreamRederiver.check(C, stored(stream));

        assertThat(found).extracting(Underivable::sequence, Underivable::field, Underivable::recorded,
                Underivable::follows).containsExactly(tuple((long) at, "reason",
                "re-rated after a meeting", r.reason()));
    }

    @Test
    void namesAComputedRatingBesideAnOfficersRatingEditedAfterTheFact() {
        int at = indexOf(e -> e instanceof RagOverriddenEvent o && o.period().equals(YearMonth.of(2018, 9)));
        RagOverriddenEvent o = (RagOverriddenEvent) stream.get(at);
        stream.set(at, new RagOverriddenEvent(C, o.period(), Rating.RED, o.rating(), o.previousRating(),
                o.rationale(), o.officer(), o.policyVersion()));

        assertThat(StreamRederiver.check(C, stored(stream))).extracting(Underivable::sequence, Underivable::type,
                Underivable::field, Underivable::recorded, Underivable::follows).containsExactly(
                tuple((long) at, "RagOverridden", "computedRating", Rating.RED,
                        o.computedRating()));
    }

    @Test
    void namesAStoredEventTheDecisionsDoNotRecord() {
        int at = indexOf(e -> e instanceof KpiRatedEvent k && k.correction());
        Object extra = stream.get(at + 1);
        stream.add(at + 2, extra);

        List<Underivable> found = StreamRederiver.check(C, stored(stream));

        assertThat(found).first().satisfies(u -> {
            assertThat(u.sequence()).isEqualTo(at + 2);
            assertThat(u.recorded()).isEqualTo(extra);
        });
    }

    @Test
    void namesAPayloadThatCannotBeRead() {
        int at = indexOf(e -> e instanceof RagOverriddenEvent);
        List<Stored> stored = new ArrayList<>(stored(stream));
        stored.set(at, new Stored(at, "RagOverridden", null, "cannot be read: Unexpected character"));

        assertThat(StreamRederiver.check(C, stored)).extracting(Underivable::sequence, Underivable::field,
                Underivable::recorded, Underivable::follows).contains(
                tuple((long) at, "payload", "cannot be read: Unexpected character", null));
    }

    @Test
    void namesARatingMissingFromTheStoreAtTheSequenceItWouldHave() {
        int at = indexOf(e -> e instanceof ContractRatedEvent);
        List<Stored> stored = new ArrayList<>(stored(stream));
        stored.remove(at);

        assertThat(StreamRederiver.check(C, stored)).extracting(Underivable::sequence, Underivable::type,
                Underivable::field, Underivable::recorded, Underivable::follows).containsExactly(
                tuple((long) at, "ContractRated", null, null, stream.get(at)));
    }

    private void record(Object command) {
        AggregateTestFixture<ContractRating> fixture = new AggregateTestFixture<>(ContractRating.class);
        fixture.registerInjectableResource(CLOCK);
        List<Object> produced = new ArrayList<>();
        (stream.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(stream)).when(command)
                .expectSuccessfulHandlerExecution().expectEventsMatching(Kent004TriageRatingsTest.capture(produced));
        stream.addAll(produced);
    }

    private static RateKpiValueCommand value(String month, String code, String value, boolean correction) {
        return new RateKpiValueCommand(C, YearMonth.parse(month), code, new BigDecimal(value), null, null, "PROVIDER",
                1, "GREEN", correction);
    }

    private int indexOf(java.util.function.Predicate<Object> event) {
        return IntStream.range(0, stream.size()).filter(i -> event.test(stream.get(i))).findFirst().orElseThrow();
    }

    private static List<Stored> stored(List<Object> events) {
        return IntStream.range(0, events.size()).mapToObj(i -> new Stored(i, StreamRederiver.type(events.get(i)),
                events.get(i), null)).toList();
    }
}
