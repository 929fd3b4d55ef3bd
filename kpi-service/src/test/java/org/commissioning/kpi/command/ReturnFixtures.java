package org.commissioning.kpi.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.kpi.api.ContractFacts;
import org.commissioning.kpi.api.MonthlyReturnId;

/**
 * What the fixture tests of a month's return share: the children's mental-health contract of source 004 in the
 * South (April 2017 to March 2020), its October 2018 return and "today", 15 March 2019.
 */
final class ReturnFixtures {

    static final String CONTRACT = "5c1e9a51-3f7f-4d9b-8a10-2f0c5a4e8d1b";
    static final YearMonth OCTOBER_2018 = YearMonth.of(2018, 10);
    static final String RETURN = MonthlyReturnId.of(CONTRACT, OCTOBER_2018);
    static final Instant NOW = Instant.parse("2019-03-15T12:00:00Z");
    static final ContractFacts SOUTH = new ContractFacts(LocalDate.of(2017, 4, 1), LocalDate.of(2020, 3, 31),
            List.of("Ashford", "Dover", "Folkestone and Hythe"));
    static final String CALLS = "CALLS-TRIAGED-24H";
    static final String LAC = "LAC-ASSESSED-2W";
    static final String CRISIS = "CRISIS-TREATED-4H";

    private ReturnFixtures() {
    }

    /** A fixture of {@link MonthlyReturn} whose clock says it is {@link #NOW} in Europe/London. */
    static AggregateTestFixture<MonthlyReturn> monthlyReturn() {
        AggregateTestFixture<MonthlyReturn> fixture = new AggregateTestFixture<>(MonthlyReturn.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/London")));
        return fixture;
    }
}
