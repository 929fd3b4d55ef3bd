package org.commissioning.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of {@link ServiceLayers} as tests, one per rule: a service's {@code LayersTest} extends this with
 * its root package, so every service is checked by the same tests.
 */
public abstract class ServiceLayersContract {

    private static final Map<String, ServiceLayers> IMPORTED = new ConcurrentHashMap<>();

    private final ServiceLayers layers;

    protected ServiceLayersContract(String rootPackage) {
        this.layers = IMPORTED.computeIfAbsent(rootPackage, ServiceLayers::of);
    }

    @TestFactory
    public Stream<DynamicTest> layerRules() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("webAndIntegrationCallTheApplicationWhichCallsCommandAndQuery", layers.layersAreRespected());
        rules.put("everyClassLivesInALayer", layers.everyClassLivesInALayer());
        rules.put("controllersAndTranslatorsCallUseCasesNotTheGateways", layers.theEdgeCallsUseCasesNotGateways());
        rules.put("theDomainKnowsNothingOfHttpKafkaOrJson", layers.theDomainKnowsNothingOfTheEdge());
        return rules.entrySet().stream().map(rule -> DynamicTest.dynamicTest(rule.getKey(),
                () -> rule.getValue().check(layers.classes())));
    }
}
