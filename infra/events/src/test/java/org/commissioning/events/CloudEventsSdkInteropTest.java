package org.commissioning.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/**
 * Our records as a consumer with the CloudEvents Java SDK (cloudevents-json-jackson) reads them. The documented
 * CloudEvents {@code sequence} extension is a String; ours is a JSON number, which the SDK reads as the CloudEvents
 * type Integer. These tests pin that choice down.
 */
class CloudEventsSdkInteropTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    @TestFactory
    Stream<DynamicTest> readsEveryGoldenSampleWithItsExtensionsAndSequenceAsAnInteger() {
        List<java.nio.file.Path> samples = GoldenSamples.all();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(PublishedLanguage.ALL.size());
        return samples.stream().map(sample -> DynamicTest.dynamicTest(GoldenSamples.name(sample), () -> {
            byte[] bytes = GoldenSamples.bytes(sample);
            JsonNode record = JSON.readTree(bytes);

            CloudEvent event = FORMAT.deserialize(bytes);

            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getId()).isEqualTo(record.get("id").asText());
            assertThat(event.getType()).isEqualTo(record.get("type").asText());
            assertThat(event.getSource()).isEqualTo(URI.create(record.get("source").asText()));
            assertThat(event.getSubject()).isEqualTo(record.get("subject").asText());
            assertThat(event.getTime().toInstant()).isEqualTo(Instant.parse(record.get("time").asText()));
            assertThat(event.getDataContentType()).isEqualTo(IntegrationEvent.DATA_CONTENT_TYPE);
            assertThat(event.getExtension("sequence")).as("sequence").isInstanceOf(Integer.class)
                    .isEqualTo(record.get("sequence").intValue());
            for (String text : List.of("actor", "actorname", "correlationid", "causedby")) {
                assertThat(event.getExtension(text)).as(text)
                        .isEqualTo(record.has(text) ? record.get(text).asText() : null);
            }
            assertThat(JSON.readTree(event.getData().toBytes())).isEqualTo(record.get("data"));
        }));
    }

    @Test
    void writesTheSequenceBackAsAJsonNumber() throws Exception {
        byte[] golden = GoldenSamples.bytes(firstSample());

        JsonNode written = JSON.readTree(FORMAT.serialize(FORMAT.deserialize(golden)));

        assertThat(written.get("sequence").isInt()).as(written.toString()).isTrue();
        assertThat(written.get("sequence")).isEqualTo(JSON.readTree(golden).get("sequence"));
    }

    @Test
    void readsASequenceWrittenAsTheDocumentedExtensionsStringAsAString() throws Exception {
        ObjectNode record = (ObjectNode) JSON.readTree(GoldenSamples.bytes(firstSample()));
        record.put("sequence", "7");

        CloudEvent event = FORMAT.deserialize(JSON.writeValueAsBytes(record));

        assertThat(event.getExtension("sequence")).isEqualTo("7");
    }

    @Test
    void refusesASequenceBeyondTheCloudEventsIntegerRange() throws Exception {
        ObjectNode record = (ObjectNode) JSON.readTree(GoldenSamples.bytes(firstSample()));
        record.put("sequence", (long) Integer.MAX_VALUE + 1);
        byte[] beyond = JSON.writeValueAsString(record).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FORMAT.deserialize(beyond)).isInstanceOf(EventDeserializationException.class)
                .hasMessageContaining("sequence");
    }

    private static java.nio.file.Path firstSample() {
        return GoldenSamples.all().get(0);
    }
}
