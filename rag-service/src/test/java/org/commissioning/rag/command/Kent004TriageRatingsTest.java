package org.commissioning.rag.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.events.kpi.v1.BandRating;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.RagChangedEvent;
import org.commissioning.rag.api.RateKpiValueCommand;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.TrajectoryAssessedEvent;
import org.junit.jupiter.api.Test;

/**
 * Source 004, Figure 2: "Phone calls screened and triaged within 24 working hours", Apr-2018 to Feb-2019 (values
 * copied from kent-2018.json's kpiTable), with the printed bands made unambiguous (Red [0,85), Amber [85,90),
 * Green [90,95], Stretch (95,100]) and the KPI as the contract's only headline KPI.
 */
class Kent004TriageRatingsTest {

    static final String CONTRACT = "5c1e9a51-3f7f-4d9b-8a10-2f0c5a4e8d1b";
    static final FrameworkVersion FRAMEWORK = new FrameworkVersion(1, YearMonth.of(2018, 4),
            List.of(Bands.kpi(Bands.TRIAGE_CODE, true)));

    /** Written by hand: month, value, band, contract rating (STRETCH counts as GREEN). */
    static final Object[][] TABLE = {
            {"2018-04", "66", Rating.RED, Rating.RED},
            {"2018-05", "73", Rating.RED, Rating.RED},
            {"2018-06", "77", Rating.RED, Rating.RED},
            {"2018-07", "81", Rating.RED, Rating.RED},
            {"2018-08", "90", Rating.GREEN, Rating.GREEN},
            {"2018-09", "89", Rating.AMBER, Rating.AMBER},
            {"2018-10", "97", Rating.STRETCH, Rating.GREEN},
            {"2018-11", "97", Rating.STRETCH, Rating.GREEN},
            {"2018-12", "98", Rating.STRETCH, Rating.GREEN},
            {"2019-01", "93", Rating.GREEN, Rating.GREEN},
            {"2019-02", "84", Rating.RED, Rating.RED},
    };

    @Test
    void ratesEachMonthAsTheTableWrittenByHand() {
        for (Object[] row : TABLE) {
            Rating band = BandRating.bandOf(FRAMEWORK.kpis().get(0).bands(), new BigDecimal((String) row[1]))
                    .rating();
            assertThat(band).as("band of %s", row[0]).isEqualTo(row[2]);
            Rating rating = WorstHeadlineBandPolicy.rate(FRAMEWORK, Map.of(Bands.TRIAGE_CODE, new KpiInput(
                    Bands.TRIAGE_CODE, new BigDecimal((String) row[1]), null, null, "PROVIDER", 1, band, false)))
                    .rating();
            assertThat(rating).as("rating of %s", row[0]).isEqualTo(row[3]);
        }
    }

    /** Collects the payloads of the events a command produced (and accepts them all). */
    static Matcher<List<EventMessage<?>>> capture(List<Object> into) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object item) {
                ((List<?>) item).forEach(m -> into.add(((EventMessage<?>) m).getPayload()));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events");
            }
        };
    }

    @Test
    void theContractRatingRecordsEveryMonthARagChangeOnlyWhenTheRatingChangesAndAssessesTheTrajectory() {
        AggregateTestFixture<ContractRating> fixture = new AggregateTestFixture<>(ContractRating.class);
        List<Object> history = new ArrayList<>();
        history.add(new FrameworkRecordedEvent(CONTRACT, FRAMEWORK));
        List<String> changes = new ArrayList<>();
        List<Rating> ratings = new ArrayList<>();
        List<String> trajectories = new ArrayList<>();
        for (Object[] row : TABLE) {
            RateKpiValueCommand command = new RateKpiValueCommand(CONTRACT, YearMonth.parse((String) row[0]),
                    Bands.TRIAGE_CODE, new BigDecimal((String) row[1]), null, null, "PROVIDER", 1,
                    ((Rating) row[2]).name(), false);
            List<Object> produced = new ArrayList<>();
            fixture.given(history).when(command).expectSuccessfulHandlerExecution()
                    .expectEventsMatching(capture(produced));
            history.addAll(produced);
            produced.stream().filter(KpiRatedEvent.class::isInstance).map(KpiRatedEvent.class::cast)
                    .forEach(e -> assertThat(e.band()).isEqualTo(row[2]));
            produced.stream().filter(ContractRatedEvent.class::isInstance).map(ContractRatedEvent.class::cast)
                    .forEach(e -> ratings.add(e.rating()));
            produced.stream().filter(RagChangedEvent.class::isInstance).map(RagChangedEvent.class::cast)
                    .forEach(e -> changes.add(e.period() + " " + e.from() + "->" + e.to()));
            produced.stream().filter(TrajectoryAssessedEvent.class::isInstance).map(TrajectoryAssessedEvent.class::cast)
                    .forEach(e -> trajectories.add(e.period() + " " + e.trend() + " " + e.projectedRating()));
        }
        assertThat(ratings).containsExactly(Rating.RED, Rating.RED, Rating.RED, Rating.RED, Rating.GREEN,
                Rating.AMBER, Rating.GREEN, Rating.GREEN, Rating.GREEN, Rating.GREEN, Rating.RED);
        assertThat(changes).containsExactly("2018-04 null->RED", "2018-08 RED->GREEN", "2018-09 GREEN->AMBER",
                "2018-10 AMBER->GREEN", "2019-02 GREEN->RED");
        assertThat(trajectories).containsExactly("2018-06 IMPROVING GREEN", "2018-07 IMPROVING GREEN",
                "2018-08 IMPROVING GREEN", "2018-09 STABLE GREEN", "2018-10 STABLE GREEN", "2018-11 STABLE GREEN",
                "2018-12 STABLE GREEN", "2019-01 STABLE GREEN", "2019-02 DECLINING AMBER");
    }
}
