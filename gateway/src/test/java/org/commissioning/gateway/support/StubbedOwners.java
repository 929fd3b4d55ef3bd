package org.commissioning.gateway.support;

import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The services the gateway routes to, each stood in for by an {@link OwnerStub}: registered as
 * {@code services.<owner>.url} and stopped after the test class ({@code @RegisterExtension} it).
 */
public record StubbedOwners(OwnerStub contract, OwnerStub kpi, OwnerStub rag, OwnerStub deepdive)
        implements AfterAllCallback {

    /** One stub per owner, each named after its service. */
    public static StubbedOwners oneEach() {
        return new StubbedOwners(OwnerStub.start("contract-service"), OwnerStub.start("kpi-service"),
                OwnerStub.start("rag-service"), OwnerStub.start("deepdive-service"));
    }

    /** contract-service, and one stub ({@code other-service}) for every other owner. */
    public static StubbedOwners contractAndOthers() {
        OwnerStub others = OwnerStub.start("other-service");
        return new StubbedOwners(OwnerStub.start("contract-service"), others, others, others);
    }

    /** For a {@code @DynamicPropertySource}: where the gateway finds each owner. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("services.contract.url", contract::url);
        registry.add("services.kpi.url", kpi::url);
        registry.add("services.rag.url", rag::url);
        registry.add("services.deepdive.url", deepdive::url);
    }

    /** After the class that registered it: a {@code @Nested} class inherits the extension, and its owners too. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
            return;
        }
        new LinkedHashSet<>(List.of(contract, kpi, rag, deepdive)).forEach(OwnerStub::close);
    }
}
