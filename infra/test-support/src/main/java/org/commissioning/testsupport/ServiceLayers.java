package org.commissioning.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The layers every service is built in, checked on its main classes by each service's {@code LayersTest}:
 * {@code web} and {@code integration} call {@code application}, which calls {@code command} and {@code query},
 * which share {@code api}. {@code config} wires them. The edge never sends a command or a query itself, and an
 * aggregate knows nothing of HTTP, Kafka or JSON.
 */
public final class ServiceLayers {

    public static final List<String> LAYERS = List.of("web", "integration", "application", "command", "query",
            "api", "config");

    private final String root;
    private final JavaClasses classes;

    private ServiceLayers(String root, JavaClasses classes) {
        this.root = root;
        this.classes = classes;
    }

    /** The layer rules of the service whose classes live under {@code rootPackage}. */
    public static ServiceLayers of(String rootPackage) {
        return new ServiceLayers(rootPackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage));
    }

    /** The rules over classes of a sample package among the tests (to show what the rules refuse). */
    static ServiceLayers ofTestSample(String rootPackage) {
        return new ServiceLayers(rootPackage, new ClassFileImporter().importPackages(rootPackage));
    }

    public JavaClasses classes() {
        return classes;
    }

    public ArchRule layersAreRespected() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .optionalLayer("web").definedBy(root + ".web..")
                .optionalLayer("integration").definedBy(root + ".integration..")
                .optionalLayer("application").definedBy(root + ".application..")
                .optionalLayer("command").definedBy(root + ".command..")
                .optionalLayer("query").definedBy(root + ".query..")
                .optionalLayer("api").definedBy(root + ".api..")
                .optionalLayer("config").definedBy(root + ".config..")
                .whereLayer("web").mayOnlyBeAccessedByLayers("config")
                .whereLayer("integration").mayOnlyBeAccessedByLayers("config")
                .whereLayer("application").mayOnlyBeAccessedByLayers("web", "integration", "config")
                .whereLayer("command").mayOnlyBeAccessedByLayers("application", "config")
                .whereLayer("query").mayOnlyBeAccessedByLayers("application", "config")
                .because("web and integration call application, which calls command and query, which share api");
    }

    public ArchRule everyClassLivesInALayer() {
        return ArchRuleDefinition.classes().that().resideOutsideOfPackages(LAYERS.stream().map(l -> root + "." + l + "..")
                        .toArray(String[]::new))
                .should().haveSimpleNameEndingWith("Application")
                .because("a class outside " + LAYERS + " has no place in the layer rules");
    }

    public ArchRule theEdgeCallsUseCasesNotGateways() {
        return noClasses().that().resideInAnyPackage(root + ".web..", root + ".integration..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.queryhandling.QueryGateway")
                .allowEmptyShould(true)
                .because("a controller or translator maps its input to a use case of the application layer");
    }

    public ArchRule theDomainKnowsNothingOfTheEdge() {
        return noClasses().that().resideInAnyPackage(root + ".api..", root + ".command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "jakarta.servlet..", "com.fasterxml.jackson..", "org.commissioning.platform.web..",
                        "org.commissioning.platform.messaging..", "org.commissioning.platform.security..")
                .allowEmptyShould(true)
                .because("aggregates decide; HTTP, Kafka and JSON are details around them");
    }

    /** Checks every rule; a service's {@code LayersTest} calls this. */
    public void check() {
        layersAreRespected().check(classes);
        everyClassLivesInALayer().check(classes);
        theEdgeCallsUseCasesNotGateways().check(classes);
        theDomainKnowsNothingOfTheEdge().check(classes);
    }
}
