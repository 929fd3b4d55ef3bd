package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The layer rules catch what they are there to catch, on a sample service that breaks each of them once. */
class ServiceLayersTest {

    static final ServiceLayers SAMPLE = ServiceLayers.ofTestSample("org.commissioning.testsupport.layered");

    @Test
    void refusesAControllerThatReachesPastTheApplicationIntoTheAggregate() {
        assertThatThrownBy(() -> SAMPLE.layersAreRespected().check(SAMPLE.classes()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LedgerController")
                .hasMessageContaining("command.Ledger")
                .hasMessageNotContaining("ReadLedger.balance() calls method <org.commissioning.testsupport.layered.command");
    }

    @Test
    void refusesAClassOutsideEveryLayer() {
        assertThatThrownBy(() -> SAMPLE.everyClassLivesInALayer().check(SAMPLE.classes()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("layered.Stray");
    }

    @Test
    void refusesJacksonInTheDomain() {
        assertThatThrownBy(() -> SAMPLE.theDomainKnowsNothingOfTheEdge().check(SAMPLE.classes()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LedgerJson");
    }
}
