package org.commissioning.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

/**
 * The layer rules of {@link ServiceLayers} as tests: a service's {@code LayersTest} extends this with its root
 * package, so every service is checked by the same four tests.
 */
public abstract class ServiceLayersContract {

    private static final Map<String, ServiceLayers> IMPORTED = new ConcurrentHashMap<>();

    private final ServiceLayers layers;

    protected ServiceLayersContract(String rootPackage) {
        this.layers = IMPORTED.computeIfAbsent(rootPackage, ServiceLayers::of);
    }

    @Test
    public void webAndIntegrationCallTheApplicationWhichCallsCommandAndQuery() {
        layers.layersAreRespected().check(layers.classes());
    }

    @Test
    public void everyClassLivesInALayer() {
        layers.everyClassLivesInALayer().check(layers.classes());
    }

    @Test
    public void controllersAndTranslatorsCallUseCasesNotTheGateways() {
        layers.theEdgeCallsUseCasesNotGateways().check(layers.classes());
    }

    @Test
    public void theDomainKnowsNothingOfHttpKafkaOrJson() {
        layers.theDomainKnowsNothingOfTheEdge().check(layers.classes());
    }
}
