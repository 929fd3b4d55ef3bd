package org.commissioning.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The golden samples of the published language (infra/events), as a consumer's contract test reads them. */
public final class GoldenSamples {

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

    /** The names of the fields of a sample's object, in order. */
    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
