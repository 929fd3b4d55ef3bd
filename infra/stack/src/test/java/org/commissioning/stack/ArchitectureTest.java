package org.commissioning.stack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The boundaries the platform depends on: a service uses no other service's code (only the published language
 * and the technical platform), the domain of each service is free of Spring and Kafka, and the published
 * language depends on nothing but the JDK.
 */
class ArchitectureTest {

    static final List<String> SERVICES = List.of("contract", "kpi", "rag", "deepdive", "gateway");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.commissioning");

    @Test
    void seesTheCodeOfEveryService() {
        for (String service : SERVICES) {
            org.assertj.core.api.Assertions.assertThat(CLASSES.stream()
                            .anyMatch(c -> c.getPackageName().startsWith("org.commissioning." + service)))
                    .as("classes of " + service + " on the test classpath").isTrue();
        }
    }

    @TestFactory
    Stream<DynamicTest> noServiceUsesAnotherServicesCode() {
        return SERVICES.stream().map(service -> DynamicTest.dynamicTest(service, () -> {
            String[] others = SERVICES.stream().filter(s -> !s.equals(service))
                    .map(s -> "org.commissioning." + s + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("org.commissioning." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("services integrate only through the published language on Kafka")
                    .check(CLASSES);
        }));
    }

    @Test
    void domainPackagesUseNeitherSpringNorKafkaNorTheWeb() {
        noClasses().that().resideInAnyPackage("org.commissioning.*.api..", "org.commissioning.*.command..",
                        "org.commissioning.platform.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "jakarta.servlet..", "jakarta.ws..",
                        "org.commissioning.platform.web..", "org.commissioning.platform.messaging..",
                        "com.fasterxml.jackson..")
                .because("the domain decides; web, messaging and storage are details around it")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void thePublishedLanguageDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("org.commissioning.events..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.commissioning.events..")
                .check(CLASSES);
    }

    @Test
    void storedEventsStayInsideTheirService() {
        noClasses().that().resideInAnyPackage("org.commissioning.platform..", "org.commissioning.events..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .map(s -> "org.commissioning." + s + "..").toArray(String[]::new))
                .because("shared modules know nothing of any service")
                .check(CLASSES);
    }

    @Test
    void onlyTheIntegrationPackageOfAServiceTouchesKafka() {
        noClasses().that().resideInAnyPackage(SERVICES.stream().map(s -> "org.commissioning." + s + "..")
                        .toArray(String[]::new))
                .and().resideOutsideOfPackage("..integration..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "org.springframework.cloud.stream..")
                .because("the wiring to Kafka lives in each service's integration package")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
