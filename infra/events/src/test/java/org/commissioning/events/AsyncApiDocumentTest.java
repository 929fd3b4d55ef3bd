package org.commissioning.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * {@code asyncapi.yaml}, the AsyncAPI 3.0 description of the published language, against the code and the golden
 * samples: it is shaped as AsyncAPI 3.0.0 wants (checked structurally: the AsyncAPI JSON Schema is not served by the
 * package registry this build uses), every published type has its message on its context's topic with a payload
 * schema of exactly the record's fields, and every golden sample validates against its message's schema (JSON
 * Schema draft 7, the dialect of AsyncAPI schemas).
 */
class AsyncApiDocumentTest {

    static final String KEY = "^[a-zA-Z0-9.\\-_]+$";
    static final JsonNode DOCUMENT = read();
    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    @Test
    void isAnAsyncApi300DocumentOfEveryTopic() {
        assertThat(DOCUMENT.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(DOCUMENT.path("info").path("title").asText()).isNotBlank();
        assertThat(DOCUMENT.path("info").path("version").asText()).isNotBlank();
        assertThat(DOCUMENT.path("defaultContentType").asText()).isEqualTo(IntegrationEvent.CONTENT_TYPE);
        DOCUMENT.path("servers").forEach(server -> {
            assertThat(server.path("host").asText()).isNotBlank();
            assertThat(server.path("protocol").asText()).isEqualTo("kafka");
        });
        Set<String> addresses = new java.util.TreeSet<>();
        DOCUMENT.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Context.values()).map(Context::topic).toList());
        for (String section : List.of("channels", "operations")) {
            assertThat(DOCUMENT.path(section).fieldNames()).toIterable().allMatch(k -> k.matches(KEY));
        }
        DOCUMENT.path("components").forEach(components ->
                assertThat(components.fieldNames()).toIterable().allMatch(k -> k.matches(KEY)));
    }

    @Test
    void sendsEachChannelsMessagesFromOneOperation() {
        DOCUMENT.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            assertThat(operation.path("action").asText()).as(entry.getKey()).isIn("send", "receive");
            String channel = operation.path("channel").path("$ref").asText();
            assertThat(channel).as(entry.getKey()).startsWith("#/channels/");
            assertThat(resolve(channel).isObject()).as(channel).isTrue();
            List<String> messages = new ArrayList<>();
            operation.path("messages").forEach(m -> messages.add(m.path("$ref").asText()));
            assertThat(messages).as(entry.getKey() + ": every message of its channel")
                    .containsExactlyInAnyOrderElementsOf(resolve(channel).path("messages").properties().stream()
                            .map(m -> channel + "/messages/" + m.getKey()).toList());
        });
        assertThat(DOCUMENT.path("operations").size()).isEqualTo(Context.values().length);
    }

    @Test
    void resolvesEveryReference() {
        List<String> unresolved = DOCUMENT.findValuesAsText("$ref").stream()
                .filter(ref -> !ref.startsWith("#/") || resolve(ref).isMissingNode())
                .toList();

        assertThat(unresolved).isEmpty();
        assertThat(DOCUMENT.findValuesAsText("$ref")).hasSizeGreaterThan(PublishedLanguage.ALL.size());
    }

    @TestFactory
    Stream<DynamicTest> describesEveryPublishedTypeOnItsTopicWithExactlyItsFields() {
        return PublishedLanguage.ALL.stream().map(type -> DynamicTest.dynamicTest(type.qualifiedName(), () -> {
            String key = messageKey(type);
            JsonNode message = DOCUMENT.path("components").path("messages").path(key);
            assertThat(message.isObject()).as("a message components/messages/" + key).isTrue();
            assertThat(message.path("name").asText()).isEqualTo(type.qualifiedName());
            assertThat(message.path("contentType").asText()).isEqualTo(IntegrationEvent.CONTENT_TYPE);
            assertThat(message.path("bindings").path("kafka").path("key").path("type").asText()).isEqualTo("string");

            JsonNode channel = channelOf(type.context());
            assertThat(channel.path("messages").findValuesAsText("$ref")).as("messages of " + type.topic())
                    .contains("#/components/messages/" + key);

            JsonNode envelope = message.path("payload").path("allOf");
            assertThat(envelope.findValuesAsText("$ref")).contains("#/components/schemas/CloudEvent");
            JsonNode specific = envelope.get(1).path("properties");
            assertThat(specific.path("type").path("const").asText()).isEqualTo(type.qualifiedName());
            if (type.context().hasOwner()) {
                assertThat(specific.path("source").path("const").asText()).isEqualTo(type.context().source());
            } else {
                assertThat(specific.has("source")).as("any service's source, as the envelope allows").isFalse();
            }
            matchesRecord(resolve(specific.path("data").path("$ref").asText()), type.payloadType(), key);
        }));
    }

    @Test
    void describesTheEnvelopeWithItsExtensions() {
        JsonNode envelope = DOCUMENT.path("components").path("schemas").path("CloudEvent");

        assertThat(envelope.path("properties").fieldNames()).toIterable().containsExactlyInAnyOrder(
                Arrays.stream(IntegrationEvent.class.getRecordComponents()).map(RecordComponent::getName)
                        .toArray(String[]::new));
        assertThat(envelope.path("properties").path("sequence").path("type").asText()).isEqualTo("integer");
        List<String> required = new ArrayList<>();
        envelope.path("required").forEach(r -> required.add(r.asText()));
        assertThat(required).contains("sequence", "actor", "correlationid", "subject", "data")
                .doesNotContain("actorname", "causedby");
    }

    @TestFactory
    Stream<DynamicTest> validatesEveryGoldenSampleAgainstItsMessage() {
        List<Path> samples = GoldenSamples.all();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(PublishedLanguage.ALL.size());
        return samples.stream().map(sample -> DynamicTest.dynamicTest(GoldenSamples.name(sample), () -> {
            JsonNode event = new ObjectMapper().readTree(GoldenSamples.bytes(sample));
            String key = messageKeyOf(event.path("type").asText());
            assertThat(DOCUMENT.path("components").path("messages").path(key).isObject())
                    .as("a message for " + event.path("type")).isTrue();

            assertThat(errors(key, event)).isEmpty();
        }));
    }

    @Test
    void refusesASampleThatBreaksItsSchema() throws IOException {
        ObjectNode registered = (ObjectNode) new ObjectMapper().readTree(GoldenSamples.bytes(GoldenSamples.all()
                .stream().filter(p -> p.endsWith(Path.of("contracts", "ContractRegistered.v1.json"))).findFirst()
                .orElseThrow()));
        String key = "contracts.ContractRegistered.v1";
        assertThat(errors(key, registered)).isEmpty();

        ObjectNode wrongSequence = registered.deepCopy().put("sequence", "1");
        ObjectNode wrongValue = registered.deepCopy();
        ((ObjectNode) wrongValue.path("data")).put("annualValueGbp", "120000.00");
        ObjectNode noActor = registered.deepCopy();
        noActor.remove("actor");
        ObjectNode otherType = registered.deepCopy().put("type", "org.commissioning.contracts.ContractVaried.v1");

        assertThat(errors(key, wrongSequence)).as("sequence as a string").isNotEmpty();
        assertThat(errors(key, wrongValue)).as("an amount as a string").isNotEmpty();
        assertThat(errors(key, noActor)).as("no actor").isNotEmpty();
        assertThat(errors(key, otherType)).as("another type").isNotEmpty();
    }

    static Set<ValidationMessage> errors(String messageKey, JsonNode event) {
        ObjectNode schema = DOCUMENT.deepCopy();
        schema.put("$ref", "#/components/messages/" + messageKey + "/payload");
        JsonSchema validator = SCHEMAS.getSchema(schema);
        return validator.validate(event);
    }

    /** The schema's properties are the record's components, its primitives required; nested records likewise. */
    static void matchesRecord(JsonNode schema, Class<?> record, String where) {
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(schema.path("properties").fieldNames()).toIterable().as(where + " properties")
                .containsExactlyInAnyOrderElementsOf(components);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (RecordComponent component : record.getRecordComponents()) {
            String at = where + "." + component.getName();
            if (component.getType().isPrimitive()) {
                assertThat(required).as(at + " is always present").contains(component.getName());
            }
            Class<?> nested = recordIn(component.getGenericType());
            if (nested != null) {
                String ref = schema.path("properties").path(component.getName()).findValue("$ref").asText();
                matchesRecord(resolve(ref), nested, at);
            }
        }
    }

    private static Class<?> recordIn(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return recordIn(parameterized.getActualTypeArguments()[0]);
        }
        return type instanceof Class<?> c && c.isRecord() ? c : null;
    }

    static JsonNode channelOf(Context context) {
        return DOCUMENT.path("channels").properties().stream().map(java.util.Map.Entry::getValue)
                .filter(c -> c.path("address").asText().equals(context.topic())).findFirst().orElseThrow();
    }

    static String messageKey(EventType type) {
        return type.context().code() + "." + type.name() + ".v" + type.version();
    }

    /** {@code org.commissioning.contracts.ContractRegistered.v1} is {@code contracts.ContractRegistered.v1}. */
    static String messageKeyOf(String qualifiedName) {
        return qualifiedName.substring(EventType.PREFIX.length());
    }

    static JsonNode resolve(String ref) {
        return DOCUMENT.at(ref.substring(1));
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
