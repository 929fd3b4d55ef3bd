package org.commissioning.platform.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published language's {@code HistorySealed} samples carry real signatures, made with the sample key published
 * beside them ({@code golden/HistorySealed.sample-keys.json}), so that an integrator can test their own check on them.
 */
class GoldenSealsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"contracts", "kpi", "ratings", "deepdives"})
    void theSampleSealVerifiesWithTheSampleKeyAndNotOnceItsHeadIsChanged(String context) throws IOException {
        JsonNode seal = read("golden/" + context + "/HistorySealed.v1.json").get("data");
        @SuppressWarnings("unchecked")
        Map<String, ?> key = JSON.convertValue(read("golden/HistorySealed.sample-keys.json").get("keys").get(0), Map.class);

        String signed = HistorySeals.Seal.signedText(seal.get("stream").asText(), seal.get("sequence").asLong(),
                seal.get("head").asText(), Instant.parse(seal.get("sealedAt").asText()), seal.get("source").asText(),
                seal.get("keyId").asText());
        String forged = signed.replace(seal.get("head").asText(), "0".repeat(64));

        assertThat(seal.get("keyId").asText()).isEqualTo(key.get("kid"));
        assertThat(SealKey.verify(key, signed, seal.get("signature").asText())).isTrue();
        assertThat(SealKey.verify(key, forged, seal.get("signature").asText())).isFalse();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = GoldenSealsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
