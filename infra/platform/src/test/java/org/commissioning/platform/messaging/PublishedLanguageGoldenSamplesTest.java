package org.commissioning.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.commissioning.events.EventType;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.PublishedLanguage;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every published event type has a golden sample, and the current code reads and writes it unchanged.
 * Removing or renaming a field of a published version makes the re-encoded sample differ from the golden one;
 * such a change needs a new version (a new package and type), not an edit of this one.
 */
class PublishedLanguageGoldenSamplesTest {

    final IntegrationEventCodec codec = new IntegrationEventCodec();

    @TestFactory
    Stream<DynamicTest> everyPublishedTypeRoundTripsItsGoldenSampleUnchanged() {
        return PublishedLanguage.ALL.stream().map(type -> DynamicTest.dynamicTest(type.qualifiedName(), () -> {
            JsonNode golden = golden(type);
            IntegrationEvent<?> decoded = codec.decode(codec.mapper().writeValueAsBytes(golden));

            assertThat(decoded.type()).isEqualTo(type.qualifiedName());
            assertThat(decoded.data()).isInstanceOf(type.payloadType());
            JsonNode reEncoded = codec.mapper().readTree(codec.encode(decoded));
            assertThat(reEncoded)
                    .as("%s re-encoded by the current code must equal its golden sample", type.qualifiedName())
                    .isEqualTo(golden);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryGoldenSampleIsAFieldOfThePayload() {
        return PublishedLanguage.ALL.stream().map(type -> DynamicTest.dynamicTest(type.qualifiedName(), () -> {
            List<String> missing = new ArrayList<>();
            compare(type.payloadType(), golden(type).get("data"), "data", missing);
            assertThat(missing).as("fields of the golden sample that the payload no longer has").isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenSampleIsAValidCloudEvent() {
        return PublishedLanguage.ALL.stream().map(type -> DynamicTest.dynamicTest(type.qualifiedName(), () -> {
            JsonNode golden = golden(type);
            for (String attribute : List.of("specversion", "id", "source", "type", "subject", "time",
                    "datacontenttype", "sequence", "actor", "correlationid", "data")) {
                assertThat(golden.has(attribute)).as(attribute).isTrue();
            }
            assertThat(golden.get("specversion").asText()).isEqualTo("1.0");
            if (type.context().hasOwner()) {
                assertThat(golden.get("source").asText()).isEqualTo(type.context().source());
            } else {
                assertThat(golden.get("source").asText()).as("the service that publishes it").startsWith("/");
            }
            assertThat(golden.get("type").asText()).endsWith(".v" + type.version());
        }));
    }

    /**
     * Samples of envelopes with the optional extension attributes {@code actorname} and {@code causedby}: an event
     * a service published because of another event, and one an officer's request caused.
     */
    static final List<String> WITH_OPTIONAL_ATTRIBUTES = List.of(
            "golden/contracts/EscalationDue.v1.caused-by-event.json",
            "golden/contracts/EscalationDue.v1.deep-dive.json",
            "golden/ratings/RagOverridden.v1.with-actor-name.json");

    @TestFactory
    Stream<DynamicTest> everySampleWithTheOptionalAttributesRoundTripsUnchanged() {
        return WITH_OPTIONAL_ATTRIBUTES.stream().map(resource -> DynamicTest.dynamicTest(resource, () -> {
            JsonNode golden = read(resource);
            IntegrationEvent<?> decoded = codec.decode(codec.mapper().writeValueAsBytes(golden));

            assertThat(decoded.actorname()).isEqualTo(golden.get("actorname").asText());
            assertThat(decoded.causedby()).isEqualTo(golden.path("causedby").asText(null));
            assertThat(codec.mapper().readTree(codec.encode(decoded))).isEqualTo(golden);
        }));
    }

    @Test
    void readsASampleWrittenBeforeTheOptionalAttributesExistedAndWritesItUnchanged() throws Exception {
        JsonNode golden = read("golden/contracts/EscalationDue.v1.json");
        assertThat(golden.has("actorname") || golden.has("causedby")).as("a sample from before them").isFalse();

        IntegrationEvent<?> decoded = codec.decode(codec.mapper().writeValueAsBytes(golden));

        assertThat(decoded.actor()).isEqualTo("system");
        assertThat(decoded.actorname()).isNull();
        assertThat(decoded.causedby()).isNull();
        assertThat(codec.mapper().readTree(codec.encode(decoded))).isEqualTo(golden);
    }

    @Test
    void readsAHistoricDeepDiveCompletionWithoutGradesAndWritesItUnchanged() throws Exception {
        JsonNode golden = read("golden/deepdives/DeepDiveCompleted.v1.historic.json");

        IntegrationEvent<?> decoded = codec.decode(codec.mapper().writeValueAsBytes(golden));

        DeepDiveCompleted completed = (DeepDiveCompleted) decoded.data();
        assertThat(completed.historic()).isTrue();
        assertThat(completed.overallGrade()).isNull();
        assertThat(completed.areas()).isEmpty();
        assertThat(codec.mapper().readTree(codec.encode(decoded))).isEqualTo(golden);
    }

    private static void compare(Class<?> type, JsonNode sample, String path, List<String> missing) {
        if (!type.isRecord() || sample == null || !sample.isObject()) {
            return;
        }
        Iterator<String> names = sample.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            RecordComponent component = Stream.of(type.getRecordComponents())
                    .filter(c -> c.getName().equals(name)).findFirst().orElse(null);
            if (component == null) {
                missing.add(path + "." + name);
            } else {
                compare(component.getType(), sample.get(name), path + "." + name, missing);
            }
        }
    }

    private JsonNode golden(EventType type) throws IOException {
        return read("golden/" + type.context().code() + "/" + type.name() + ".v" + type.version() + ".json");
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("golden sample " + resource + " in infra/events").isNotNull();
            return codec.mapper().readTree(in);
        }
    }
}
