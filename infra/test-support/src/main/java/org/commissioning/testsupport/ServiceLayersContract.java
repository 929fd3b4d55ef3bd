package org.commissioning.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

/**
 * The layer rules of {@link ServiceLayers}, as the tests every service runs on its main classes. A service's
 * {@code LayersTest} extends this with its root package: {@code LayersTest() { super("org.commissioning.kpi"); }}.
 * The classes of a root package are imported once for all four rules.
 */
public abstract class ServiceLayersContract {

    private static final Map<String, ServiceLayers> IMPORTED = new ConcurrentHashMap<>();

    private final ServiceLayers layers;

    protected ServiceLayersContract(String rootPackage) {
        this.layers = IMPORTED.computeIfAbsent(rootPackage, ServiceLayers::of);
    }

    @Test
    void webAndIntegrationCallTheApplicationWhichCallsCommandAndQuery() {
        layers.layersAreRespected().check(layers.classes());
    }

    @Test
    void everyClassLivesInALayer() {
        layers.everyClassLivesInALayer().check(layers.classes());
    }

    @Test
    void controllersAndTranslatorsCallUseCasesNotTheGateways() {
        layers.theEdgeCallsUseCasesNotGateways().check(layers.classes());
    }

    @Test
    void theDomainKnowsNothingOfHttpKafkaOrJson() {
        layers.theDomainKnowsNothingOfTheEdge().check(layers.classes());
    }
}
