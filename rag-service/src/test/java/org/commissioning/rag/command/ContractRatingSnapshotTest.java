package org.commissioning.rag.command;

import static org.commissioning.rag.command.ContractRatingTest.C;
import static org.commissioning.rag.command.ContractRatingTest.CLOCK;
import static org.commissioning.rag.command.ContractRatingTest.TERM;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.rag.api.FlagKpiDiscrepancyCommand;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.OverrideRatingCommand;
import org.commissioning.rag.api.RateKpiValueCommand;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RecordFrameworkCommand;
import org.commissioning.rag.api.RecordTrajectoryStatementCommand;
import org.commissioning.rag.api.ResolveKpiDiscrepancyCommand;
import org.commissioning.testsupport.AggregateSnapshotContract;
import org.commissioning.testsupport.AggregateSnapshots;

/**
 * A ContractRating that keeps every period (26 months rated, officer judgements, a discrepancy, a trajectory
 * statement) restored from its snapshot holds the same state and decides every command exactly as the same
 * ContractRating replayed from its events.
 */
class ContractRatingSnapshotTest extends AggregateSnapshotContract<ContractRating> {

    static final YearMonth FIRST = YearMonth.of(2016, 4);
    static final YearMonth MAY = YearMonth.of(2018, 5);
    static final List<Object> HISTORY = AggregateSnapshots.history(ContractRatingSnapshotTest::withClock,
            List.of(new FrameworkRecordedEvent(C, Bands.framework(1, FIRST))), commands());

    static AggregateTestFixture<ContractRating> withClock() {
        AggregateTestFixture<ContractRating> fixture = new AggregateTestFixture<>(ContractRating.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    ContractRatingSnapshotTest() {
        super(ContractRatingSnapshotTest::withClock, HISTORY, C);
    }

    static RateKpiValueCommand submit(YearMonth period, String code, String value, String source) {
        return new RateKpiValueCommand(C, period, code, new BigDecimal(value), null, null, source, 1, null, false);
    }

    static List<Object> commands() {
        List<Object> commands = new ArrayList<>();
        int month = 0;
        for (YearMonth period = FIRST; !period.isAfter(MAY); period = period.plusMonths(1), month++) {
            commands.add(submit(period, Bands.TRIAGE_CODE, String.valueOf(80 + month % 20), "PROVIDER"));
            commands.add(submit(period, Bands.CRISIS_CODE, String.valueOf(99 - month % 7), "PROVIDER"));
            if (month % 6 == 0) {
                commands.add(submit(period, Bands.REACH_CODE, "50", "COUNCIL"));
            }
        }
        commands.add(new OverrideRatingCommand(C, YearMonth.of(2017, 9), Rating.AMBER, "Improving", "officer.jones",
                TERM));
        commands.add(new FlagKpiDiscrepancyCommand(C, YearMonth.of(2018, 3), Bands.CRISIS_CODE,
                new BigDecimal("93"), new BigDecimal("80")));
        commands.add(new RecordTrajectoryStatementCommand(C, Rating.GREEN, 6, "Recovery plan on track",
                "officer.jones", TERM));
        return commands;
    }

    static Stream<Object> nextCommands() {
        return Stream.of(
                submit(MAY, Bands.CRISIS_CODE, "84", "PROVIDER"),
                submit(MAY, Bands.CRISIS_CODE, "99", "PROVIDER"),
                new RateKpiValueCommand(C, YearMonth.of(2017, 9), Bands.TRIAGE_CODE, new BigDecimal("91"), null, null,
                        "PROVIDER", 1, null, true),
                submit(YearMonth.of(2018, 6), Bands.TRIAGE_CODE, "96", "PROVIDER"),
                new OverrideRatingCommand(C, MAY, Rating.RED, "Safeguarding concern", "officer.jones", TERM),
                new OverrideRatingCommand(C, YearMonth.of(2018, 7), Rating.RED, "Ahead of time", "officer.jones",
                        TERM),
                new FlagKpiDiscrepancyCommand(C, MAY, Bands.TRIAGE_CODE, new BigDecimal("90"), new BigDecimal("70")),
                new ResolveKpiDiscrepancyCommand(C, YearMonth.of(2018, 3), Bands.CRISIS_CODE, "Council figure wrong",
                        "officer.jones"),
                new RecordTrajectoryStatementCommand(C, Rating.AMBER, 3, "Slipping", "officer.jones", TERM),
                new RecordFrameworkCommand(C, Bands.framework(1, FIRST)),
                new RecordFrameworkCommand(C, Bands.framework(2, YearMonth.of(2018, 6))));
    }
}
