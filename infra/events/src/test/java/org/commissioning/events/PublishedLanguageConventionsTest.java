package org.commissioning.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PublishedLanguageConventionsTest {

    @TestFactory
    Stream<DynamicTest> everyPublishedTypeIsAVersionedRecordWithAGoldenSample() {
        return PublishedLanguage.ALL.stream().map(type -> DynamicTest.dynamicTest(type.qualifiedName(), () -> {
            Class<?> payload = type.payloadType();
            assertThat(payload.isRecord()).as("a record").isTrue();
            assertThat(payload.getSimpleName()).isEqualTo(type.name()).doesNotEndWith("Event");
            assertThat(payload.getPackageName())
                    .isEqualTo("org.commissioning.events." + type.context().code() + ".v" + type.version());
            String golden = "golden/" + type.context().code() + "/" + type.name() + ".v" + type.version() + ".json";
            assertThat(getClass().getClassLoader().getResource(golden)).as(golden).isNotNull();
        }));
    }

    @Test
    void namesTypesWithContextNameAndVersion() {
        EventType type = EventType.of(org.commissioning.events.contracts.v1.ContractRegistered.class);

        assertThat(type.qualifiedName()).isEqualTo("org.commissioning.contracts.ContractRegistered.v1");
        assertThat(type.topic()).isEqualTo(Topics.CONTRACTS);
        assertThat(PublishedLanguage.find(type.qualifiedName())).contains(type);
    }

    @Test
    void keepsEveryQualifiedNameUnique() {
        assertThat(PublishedLanguage.ALL.stream().map(EventType::qualifiedName).distinct().count())
                .isEqualTo(PublishedLanguage.ALL.size());
    }
}
