package org.commissioning.contract.command;

import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.DynamicTest;

/**
 * One decision of the Contract: after the events {@code given}, a command either stores {@code events} or is
 * refused ({@code refusal}) and stores nothing. Named after the behaviour, as a test would be.
 */
record Scenario(String name, List<Object> given, Object command, List<Object> events, Matcher<?> refusal) {

    /** A Contract's test fixture: today is {@link ContractTest#CLOCK}'s, escalation after three red months. */
    static AggregateTestFixture<Contract> fixture() {
        AggregateTestFixture<Contract> fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(ContractTest.CLOCK);
        fixture.registerInjectableResource(new EscalationPolicy(3));
        return fixture;
    }

    /** Each scenario as a test of its own name, on a fixture of its own. */
    static Stream<DynamicTest> all(Scenario... scenarios) {
        return Stream.of(scenarios).map(scenario -> DynamicTest.dynamicTest(scenario.name(),
                () -> scenario.runOn(fixture())));
    }

    static Scenario decides(String name, Object command, List<?> events, Object... given) {
        return new Scenario(name, List.of(given), command, List.copyOf(events), null);
    }

    static Scenario refuses(String name, Object command, Matcher<?> refusal, Object... given) {
        return new Scenario(name, List.of(given), command, List.of(), refusal);
    }

    void runOn(AggregateTestFixture<Contract> fixture) {
        TestExecutor<Contract> executor = given.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(given);
        ResultValidator<Contract> result = executor.when(command);
        if (refusal == null) {
            result.expectEvents(events.toArray());
        } else {
            result.expectException(refusal).expectNoEvents();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
