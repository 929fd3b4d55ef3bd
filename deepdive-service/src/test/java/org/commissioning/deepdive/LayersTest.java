package org.commissioning.deepdive;

import org.commissioning.testsupport.ServiceLayers;
import org.junit.jupiter.api.Test;

class LayersTest {

    static final ServiceLayers LAYERS = ServiceLayers.of("org.commissioning.deepdive");

    @Test
    void webAndIntegrationCallTheApplicationWhichCallsCommandAndQuery() {
        LAYERS.layersAreRespected().check(LAYERS.classes());
    }

    @Test
    void everyClassLivesInALayer() {
        LAYERS.everyClassLivesInALayer().check(LAYERS.classes());
    }

    @Test
    void controllersAndTranslatorsCallUseCasesNotTheGateways() {
        LAYERS.theEdgeCallsUseCasesNotGateways().check(LAYERS.classes());
    }

    @Test
    void theDomainKnowsNothingOfHttpKafkaOrJson() {
        LAYERS.theDomainKnowsNothingOfTheEdge().check(LAYERS.classes());
    }
}
