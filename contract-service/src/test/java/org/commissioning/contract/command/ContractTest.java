package org.commissioning.contract.command;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.LotScope;
import org.commissioning.contract.api.RegisterContractCommand;
import org.commissioning.contract.api.ServiceArea;
import org.commissioning.platform.domain.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractTest {

    static final String ID = "0b6c2d2a-0000-4000-8000-000000000001";
    static final LocalDate START = LocalDate.of(2016, 4, 1);
    static final LocalDate END = LocalDate.of(2019, 3, 31);

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    @Test
    void registersADistrictContract() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "Sk8side", ServiceArea.YOUTH, Lot.districts("Ashford"),
                        new BigDecimal("100000.00"), START, END))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContractRegisteredEvent(ID, "Sk8side", ServiceArea.YOUTH, Lot.districts("Ashford"),
                        new BigDecimal("100000.00"), START, END));
    }

    @Test
    void registersAContractWhoseValueAndTermTheCouncilHasNotRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "Millmead", ServiceArea.CHILDRENS_CENTRES, Lot.districts("Thanet"),
                        null, null, null))
                .expectEvents(new ContractRegisteredEvent(ID, "Millmead", ServiceArea.CHILDRENS_CENTRES,
                        Lot.districts("Thanet"), null, null, null));
    }

    @Test
    void registersATwoAreaLot() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "Salus", ServiceArea.FAMILY_SUPPORT, Lot.areas("North", "West"),
                        new BigDecimal("860400.00"), LocalDate.of(2016, 10, 1), LocalDate.of(2020, 9, 30)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAnEndDateBeforeTheStart() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(), null, END, START))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("The end date 2016-04-01 must be after the start date 2019-03-31")
                .expectNoEvents();
    }

    @Test
    void rejectsAnEndDateOnTheStartDate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(), null, START, START))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsANegativeAnnualValue() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(),
                        new BigDecimal("-1"), START, END))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnUnknownDistrict() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, Lot.districts("Atlantis"), null, START, END))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("Unknown district [Atlantis]; known: [Dartford, Gravesham, Sevenoaks, Canterbury, "
                        + "Swale, Thanet, Ashford, Dover, Folkestone and Hythe, Maidstone, Tonbridge and Malling, Tunbridge Wells]")
                .expectNoEvents();
    }

    @Test
    void rejectsADistrictNamedAsAnArea() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, Lot.areas("Ashford"), null, START, END))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnAreaLotWithoutAreas() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, new Lot(LotScope.AREA, null), null, START, END))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsACountyLotThatNamesADistrict() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "X", ServiceArea.NEETS, new Lot(LotScope.COUNTY,
                        java.util.List.of("Dover")), null, START, END))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsADistrictNamedTwice() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, Lot.districts("Dover", "Dover"), null, START, END))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsABlankProvider() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, " ", ServiceArea.YOUTH, Lot.county(), null, START, END))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
