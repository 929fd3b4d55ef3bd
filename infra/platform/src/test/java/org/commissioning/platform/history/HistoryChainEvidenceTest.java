package org.commissioning.platform.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.embedded.KafkaBroker;
import org.commissioning.platform.InProcessMongo;
import org.commissioning.platform.evidence.EvidenceContent;
import org.commissioning.platform.evidence.EvidenceJson;
import org.commissioning.platform.evidence.EvidenceSource;
import org.commissioning.platform.history.HistoryChainTest.Script;
import org.commissioning.platform.security.TestIssuer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A context's evidence part with the history chain of its streams, as the platform serves it: security on (tokens of
 * an issuer over real HTTP), Axon on the real Mongo driver, seals published to a real Kafka broker. The test's
 * context ({@code notes}) names the note stream whose id is the contract's as its only stream.
 */
@SpringBootTest(classes = {HistoryChainTestApplication.class, HistoryChainEvidenceTest.NotesEvidence.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=history-chain-evidence-test", "platform.source=/contract-service",
                "platform.history-chain.api-prefix=/api/test", "platform.evidence.api-prefix=/api/test",
                "platform.history-chain.seal-scan.enabled=false", "platform.security.enabled=true"})
class HistoryChainEvidenceTest {

    static final Path DATA = HistoryChainTest.tempDir();

    @AutoClose
    static final KafkaBroker kafka = KafkaBroker.onFreePorts(DATA.resolve("kafka")).start();
    @AutoClose
    static final TestIssuer issuer = new TestIssuer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InProcessMongo.newDatabaseUri("history-chain-evidence"));
        registry.add("platform.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("platform.history-chain.key-file", () -> DATA.resolve("seal-key.pem").toString());
        registry.add("platform.security.issuer-uri", issuer::uri);
    }

    /** The test's context: one file naming the contract, and the contract's note stream. */
    @Configuration(proxyBeanMethods = false)
    static class NotesEvidence {

        static final AtomicInteger RENDERED = new AtomicInteger();

        @Bean
        EvidenceSource notesEvidence() {
            return new EvidenceSource() {
                @Override
                public String context() {
                    return "notes";
                }

                @Override
                public EvidenceContent evidence(String contractId, Instant asOf) {
                    RENDERED.incrementAndGet();
                    return new EvidenceContent(List.of(EvidenceJson.record("notes/contract.json",
                            Map.of("contractId", contractId))), List.of(contractId),
                            "notes/contract.json: the contract's id.\n");
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    HistoryChainLedger ledger;
    @Autowired
    HistorySeals seals;
    @Autowired
    org.axonframework.extensions.mongo.MongoTemplate axonMongo;
    @Autowired
    StoredEventLines store;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void holdsEachStreamUpToTheInstantWithTheSealsMadeByThenAndItsVerification() throws Exception {
        String stream = notes().written(2);
        seals.sealAll();
        Instant asOf = instantBeforeWhatFollows();
        notes().write(stream, 1);
        seals.sealAll();

        JsonNode part = part(stream, asOf);

        String folder = "notes/chain/";
        assertThat(part.get("files").findValuesAsText("name")).containsExactly("notes/contract.json",
                folder + stream + ".lines", folder + "verification.json", folder + "seals.json",
                folder + "seal-keys.json");
        assertThat(store.after(stream, -1)).extracting(StoredEventLines.StoredLine::command)
                .as("each event's command, read from its stored metadata").doesNotContainNull().doesNotHaveDuplicates();
        List<String> now = export(stream).lines().toList();
        assertThat(now).hasSize(3);
        assertThat(file(part, folder + stream + ".lines").lines().toList()).isEqualTo(now.subList(0, 2));
        String head = now.get(1).substring(0, 64);
        JsonNode verification = json.readTree(file(part, folder + "verification.json"));
        assertThat(Instant.parse(verification.get("asOf").asText())).isEqualTo(asOf);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        JsonNode verified = verification.get("streams").get(0);
        assertThat(verified.get("stream").asText()).isEqualTo(stream);
        assertThat(verified.get("events").asLong()).isEqualTo(2);
        assertThat(verified.get("headSequence").asLong()).isEqualTo(1);
        assertThat(verified.get("head").asText()).isEqualTo(head);
        assertThat(verified.get("sealsChecked").asInt()).isEqualTo(1);
        JsonNode sealed = json.readTree(file(part, folder + "seals.json"));
        assertThat(sealed).hasSize(1);
        JsonNode seal = sealed.get(0);
        assertThat(seal.get("sequence").asLong()).isEqualTo(1);
        assertThat(seal.get("head").asText()).isEqualTo(head);
        assertThat(seal.has("publishedAt")).as("a time this copy of the seal gained later").isFalse();
        Map<String, Object> jwk = json.convertValue(json.readTree(file(part, folder + "seal-keys.json"))
                .get("keys").get(0), new TypeReference<>() { });
        assertThat(SealKey.verify(jwk, HistorySeals.Seal.signedText(stream, 1, head,
                Instant.parse(seal.get("sealedAt").asText()), seal.get("source").asText(),
                seal.get("keyId").asText()), seal.get("signature").asText())).isTrue();
        assertThat(part.get("readme").asText()).startsWith("notes/contract.json: the contract's id.\n\n")
                .contains(folder + "<stream>.lines: ").contains(folder + "verification.json: ")
                .contains(folder + "seals.json: ").contains(folder + "seal-keys.json: ");
    }

    @Test
    void givesTheSameBytesForTheSameInstantWhateverHappensAfterIt() throws Exception {
        String stream = notes().written(2);
        seals.sealAll();
        Instant asOf = instantBeforeWhatFollows();

        String first = partAs(token("AUDITOR"), stream, asOf.toString()).body();
        notes().write(stream, 2);
        seals.sealAll();
        String second = partAs(token("AUDITOR"), stream, asOf.toString()).body();

        assertThat(second).isEqualTo(first);
        assertThat(partAs(token("COMMISSIONING_OFFICER"), stream, asOf.toString()).body()).isEqualTo(first);
    }

    @Test
    void reportsAStoredPayloadEditedBeforeTheInstantWithItsStreamAndSequence() throws Exception {
        String stream = notes().written(3);
        String recorded = ledger.entries(stream).get(1).hash();
        Instant asOf = instantBeforeWhatFollows();

        notes().tamper(stream, 1, "a note written by nobody");
        JsonNode part = part(stream, asOf);

        JsonNode verification = json.readTree(file(part, "notes/chain/verification.json"));
        assertThat(verification.get("intact").asBoolean()).isFalse();
        JsonNode difference = verification.get("streams").get(0).get("firstDifference");
        assertThat(difference.get("stream").asText()).isEqualTo(stream);
        assertThat(difference.get("sequence").asLong()).isEqualTo(1);
        assertThat(difference.get("against").asText()).isEqualTo("chain");
        assertThat(difference.get("expected").asText()).isEqualTo(recorded);
        assertThat(difference.get("found").asText()).hasSize(64).isNotEqualTo(recorded);
        assertThat(file(part, "notes/chain/" + stream + ".lines")).contains("a note written by nobody");
    }

    @Test
    void theScriptVerifiesAPacksLinesAgainstItsSealAndKeys() throws Exception {
        Assumptions.assumeTrue(HistoryChainTest.script().output().contains("usage:") && HistoryChainTest.onPath("jq")
                && HistoryChainTest.onPath("openssl"), "tools/verify-chain.sh needs bash, jq and openssl");
        String stream = notes().written(2);
        seals.sealAll();
        JsonNode part = part(stream, Instant.now());

        Path lines = Files.writeString(DATA.resolve(stream + ".lines"), file(part, "notes/chain/" + stream + ".lines"));
        Path seal = Files.writeString(DATA.resolve(stream + "-seal.json"),
                json.readTree(file(part, "notes/chain/seals.json")).get(0).toString());
        Path keys = Files.writeString(DATA.resolve(stream + "-keys.json"), file(part, "notes/chain/seal-keys.json"));
        Script script = HistoryChainTest.script(lines, seal, keys);

        assertThat(script.exit()).as(script.output()).isZero();
        assertThat(script.output()).contains("INTACT stream=" + stream + " sequence=1");
    }

    @Test
    void refusesAViewerBeforeRenderingAnything() throws Exception {
        String stream = notes().written(1);
        int rendered = NotesEvidence.RENDERED.get();

        HttpResponse<String> refused = partAs(token("VIEWER"), stream, null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(NotesEvidence.RENDERED.get()).isEqualTo(rendered);
    }

    @Test
    void refusesAnInstantInTheFutureNamingAsOf() throws Exception {
        String stream = notes().written(1);

        HttpResponse<String> refused = partAs(token("AUDITOR"), stream,
                Instant.now().plus(1, ChronoUnit.DAYS).toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("rule").asText()).isEqualTo("as-of-in-future");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("asOf");
    }

    @Test
    void namesAStreamsLinesWithoutCharactersAPathCouldMisread() {
        assertThat(HistoryChainEvidence.fileName("NELFT/2018-05 ../x:1")).isEqualTo("NELFT_2018-05_.._x_1.lines");
    }

    // --- helpers

    /** Now, to the millisecond the store keeps, once the clock has left it: what is stored next is after it. */
    static Instant instantBeforeWhatFollows() {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await().until(() -> Instant.now().isAfter(asOf.plusMillis(1)));
        return asOf;
    }

    NoteStreams notes() {
        return new NoteStreams(commands, ledger, axonMongo);
    }

    JsonNode part(String contractId, Instant asOf) throws Exception {
        HttpResponse<String> response = partAs(token("AUDITOR"), contractId, asOf.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    HttpResponse<String> partAs(String token, String contractId, String asOf) throws Exception {
        return get(token, "/api/test/contracts/" + contractId + "/evidence" + (asOf == null ? "" : "?asOf=" + asOf));
    }

    String export(String stream) throws Exception {
        HttpResponse<String> response = get(token("AUDITOR"), "/api/test/history-chain/streams/" + stream + "/export");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String file(JsonNode part, String name) {
        for (JsonNode file : part.get("files")) {
            if (file.get("name").asText().equals(name)) {
                return file.get("content").asText();
            }
        }
        throw new AssertionError("no " + name + " in " + part.get("files").findValuesAsText("name"));
    }

    static String token(String role) {
        return issuer.token(role.toLowerCase() + ".test", role);
    }
}
