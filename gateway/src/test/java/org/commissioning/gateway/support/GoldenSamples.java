package org.commissioning.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.platform.messaging.IntegrationEventCodec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The golden samples of the published language (infra/events), as a consumer's contract test reads them. */
public final class GoldenSamples {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IntegrationEventCodec CODEC = new IntegrationEventCodec();

    private GoldenSamples() {
    }

    /** The sample's bytes, e.g. {@code golden/ratings/RagChanged.v1.json}. */
    public static byte[] bytes(String path) {
        try (InputStream in = GoldenSamples.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath (infra/events)").isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The golden sample at {@code path}, after checking it has the fields the dashboard maps ({@code mapped}) and
     * applying it, decoded as a consumer decodes it, to {@code handler}.
     */
    public static <T> JsonNode applied(String path, Class<T> type, BiConsumer<IntegrationEvent<?>, T> handler,
                                       String... mapped) throws IOException {
        byte[] golden = bytes(path);
        JsonNode sample = JSON.readTree(golden);
        assertThat(fieldNames(sample.get("data"))).as("fields of " + path + " the dashboard maps").contains(mapped);
        IntegrationEvent<?> event = CODEC.decode(golden);
        assertThat(event.data()).isInstanceOf(type);
        handler.accept(event, type.cast(event.data()));
        return sample;
    }

    /** The names of the fields of a sample's object, in order. */
    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
