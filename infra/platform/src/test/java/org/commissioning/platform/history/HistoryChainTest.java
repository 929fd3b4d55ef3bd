package org.commissioning.platform.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.embedded.KafkaBroker;
import org.commissioning.embedded.TopicReader;
import org.commissioning.events.Topics;
import org.commissioning.platform.InProcessMongo;
import org.commissioning.platform.causation.CausationTestApplication.NoteWritten;
import org.commissioning.platform.causation.CausationTestApplication.WriteNote;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;

/**
 * The tamper-evident history of an event-sourced service: Axon on the real Mongo driver (in-process wire server),
 * seals published to a real (in-process KRaft) Kafka broker, every question asked over real HTTP.
 */
@SpringBootTest(classes = HistoryChainTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=history-chain-test", "platform.source=/contract-service",
                "platform.history-chain.api-prefix=/api/test", "platform.history-chain.seal-scan.enabled=false"})
class HistoryChainTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Path DATA = tempDir();

    @AutoClose
    static final KafkaBroker kafka = KafkaBroker.onFreePorts(DATA.resolve("kafka")).start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InProcessMongo.newDatabaseUri("history-chain"));
        registry.add("platform.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("platform.history-chain.key-file", () -> DATA.resolve("seal-key.pem").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    HistoryChainLedger ledger;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    org.axonframework.extensions.mongo.MongoTemplate axonMongo;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void chainsEveryStoredEventAsItIsStoredAndFindsTheStoreIntact() throws Exception {
        String stream = written(3);

        JsonNode verification = get(stream, "/verification");

        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(3);
        assertThat(verification.get("recordedThrough").asLong()).isEqualTo(2);
        assertThat(verification.get("head").asText()).isEqualTo(ledger.head(stream).orElseThrow().hash());
        assertThat(verification.hasNonNull("firstDifference")).isFalse();
    }

    @Test
    void refusesASecondEntryAtAPositionOfAStreamItHasChained() throws Exception {
        String stream = written(2);
        HistoryChainLedger.Entry first = ledger.entries(stream).get(1);

        assertThatThrownBy(() -> mongo.insert(new HistoryChainLedger.Entry("another id", stream, 1, "another event",
                first.leaf(), first.hash(), first.recordedAt()), "history_chain"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(ledger.entries(stream)).extracting(HistoryChainLedger.Entry::id).containsExactly(
                HistoryChainLedger.entryId(stream, 0), HistoryChainLedger.entryId(stream, 1));
    }

    @Test
    void namesTheFirstEventWhosePayloadWasEditedInTheStore() throws Exception {
        String stream = written(3);
        String recorded = ledger.entries(stream).get(1).hash();

        tamper(stream, 1, "a note written by nobody");
        JsonNode difference = get(stream, "/verification").get("firstDifference");

        assertThat(difference.get("stream").asText()).isEqualTo(stream);
        assertThat(difference.get("sequence").asLong()).isEqualTo(1);
        assertThat(difference.get("against").asText()).isEqualTo("chain");
        assertThat(difference.get("expected").asText()).isEqualTo(recorded);
        assertThat(difference.get("found").asText()).hasSize(64).isNotEqualTo(recorded);
    }

    @Test
    void namesAnEventDeletedFromTheEndOfTheStore() throws Exception {
        String stream = written(3);

        axonMongo.eventCollection().deleteOne(Filters.and(Filters.eq("aggregateIdentifier", stream),
                Filters.eq("sequenceNumber", 2L)));
        JsonNode difference = get(stream, "/verification").get("firstDifference");

        assertThat(difference.get("sequence").asLong()).isEqualTo(2);
        assertThat(difference.get("expected").asText()).isEqualTo(ledger.entries(stream).get(2).hash());
        assertThat(difference.hasNonNull("found")).as("the store no longer holds it").isFalse();
    }

    @Test
    void chainsInOrderTheEventsTheTrackingProcessorDidNotSee() throws Exception {
        String stream = written(3);
        List<String> heads = ledger.entries(stream).stream().map(HistoryChainLedger.Entry::hash).toList();
        // as if the events at 1 and 2 had been committed late, beyond the look-back window, and skipped
        mongo.remove(Query.query(Criteria.where("stream").is(stream).and("sequence").gt(0)), "history_chain");
        mongo.save(new HistoryChainLedger.Head(stream, 0, heads.get(0)), "history_heads");

        commands.sendAndWait(new WriteNote(stream, "note 3"));

        await().atMost(PATIENCE).until(() -> ledger.entries(stream).size() == 4);
        assertThat(ledger.entries(stream)).extracting(HistoryChainLedger.Entry::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(ledger.entries(stream).subList(0, 3)).extracting(HistoryChainLedger.Entry::hash)
                .containsExactlyElementsOf(heads);
        assertThat(get(stream, "/verification").get("intact").asBoolean()).isTrue();
    }

    @Test
    void publishesASealTheServicesPublicKeyVerifies() throws Exception {
        String stream = written(2);

        JsonNode sealed = post("/api/test/history-chain/seals");
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.recordsWithKey(kafka.bootstrapServers(),
                Topics.CONTRACTS, stream, 3, PATIENCE);

        assertThat(sealed.get("sealed").findValuesAsText("stream")).contains(stream);
        JsonNode event = records.stream().map(r -> read(r.value()))
                .filter(e -> e.get("type").asText().equals("org.commissioning.contracts.HistorySealed.v1"))
                .findFirst().orElseThrow();
        JsonNode seal = event.get("data");
        assertThat(event.get("subject").asText()).isEqualTo(stream);
        assertThat(records.stream().map(r -> read(r.value()).get("sequence").asLong()))
                .as("the seal takes its place in the stream's sequence, with the two notes").containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(seal.get("sequence").asLong()).isEqualTo(1);
        assertThat(seal.get("head").asText()).isEqualTo(ledger.head(stream).orElseThrow().hash());
        Map<String, Object> jwk = json.convertValue(getPath("/api/test/history-chain/seal-keys").get("keys").get(0),
                new TypeReference<>() { });
        assertThat(jwk).containsEntry("kid", seal.get("keyId").asText());
        String signed = HistorySeals.Seal.signedText(stream, 1, seal.get("head").asText(),
                java.time.Instant.parse(seal.get("sealedAt").asText()), "/contract-service", seal.get("keyId").asText());
        assertThat(SealKey.verify(jwk, signed, seal.get("signature").asText())).isTrue();
        assertThat(SealKey.verify(jwk, signed.replace("\"sequence\":1", "\"sequence\":2"),
                seal.get("signature").asText())).as("a seal edited after signing").isFalse();
    }

    @Test
    void provesThatALaterSealExtendsAnEarlierOneUnchanged() throws Exception {
        String stream = written(3);
        JsonNode a = sealOf(stream);
        write(stream, 2);
        JsonNode b = sealOf(stream);

        JsonNode proof = getPath("/api/test/history-chain/streams/" + stream + "/consistency?from="
                + a.get("sequence").asLong() + "&to=" + b.get("sequence").asLong());

        assertThat(proof.get("leaves")).hasSize(2);
        assertThat(ChainHashes.extendsUnchanged(a.get("head").asText(), a.get("sequence").asLong(),
                b.get("head").asText(), b.get("sequence").asLong(), leaves(proof))).isTrue();
    }

    @Test
    void aRewrittenHistoryFailsTheConsistencyProofAndTheEarlierSeal() throws Exception {
        String stream = written(3);
        JsonNode a = sealOf(stream);
        write(stream, 2);
        // the rewrite: an event before seal A edited, and the recorded chain recomputed over the edited store
        tamper(stream, 1, "a note written by nobody");
        mongo.remove(Query.query(Criteria.where("stream").is(stream)), "history_chain");
        mongo.remove(Query.query(Criteria.where("_id").is(stream)), "history_heads");
        ledger.extend(stream);
        JsonNode b = sealOf(stream);

        JsonNode proof = getPath("/api/test/history-chain/streams/" + stream + "/consistency?from="
                + a.get("sequence").asLong() + "&to=" + b.get("sequence").asLong());
        JsonNode difference = get(stream, "/verification").get("firstDifference");

        assertThat(ChainHashes.extendsUnchanged(a.get("head").asText(), a.get("sequence").asLong(),
                b.get("head").asText(), b.get("sequence").asLong(), leaves(proof))).isFalse();
        assertThat(proof.get("fromHead").asText()).isNotEqualTo(a.get("head").asText());
        assertThat(difference.get("against").asText()).isEqualTo("seal");
        assertThat(difference.get("sequence").asLong()).isEqualTo(2);
        assertThat(difference.get("expected").asText()).isEqualTo(a.get("head").asText());
        assertThat(difference.get("intactThrough").asLong()).isEqualTo(-1);
    }

    @Test
    void refusesAConsistencyRangeBeyondTheStreamNamingTheField() throws Exception {
        String stream = written(2);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/test/history-chain"
                        + "/streams/" + stream + "/consistency?from=0&to=5")).header("X-Actor", "auditor.khan").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("rule").asText()).isEqualTo("history-chain.consistency-range");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("to");
    }

    @Test
    void theScriptVerifiesAnExportAgainstASealAndNamesAnEditedEvent() throws Exception {
        Assumptions.assumeTrue(script().output().contains("usage:") && onPath("jq") && onPath("openssl"),
                "tools/verify-chain.sh needs bash, jq and openssl (.ci/run installs them)");
        String stream = written(3);
        JsonNode seal = sealOf(stream);
        Path sealFile = Files.writeString(DATA.resolve(stream + "-seal.json"), seal.toString());
        Path keys = Files.writeString(DATA.resolve(stream + "-keys.json"),
                getPath("/api/test/history-chain/seal-keys").toString());
        Path export = Files.writeString(DATA.resolve(stream + ".export"), export(stream));

        Script intact = script(export, sealFile, keys);
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("SIGNED stream=" + stream + " sequence=2")
                .contains("INTACT stream=" + stream + " sequence=2");

        tamper(stream, 1, "a note written by nobody");
        Path edited = Files.writeString(DATA.resolve(stream + "-edited.export"), export(stream));
        Script differs = script(edited, sealFile, keys);
        assertThat(differs.exit()).as(differs.output()).isEqualTo(1);
        assertThat(differs.output()).contains("DIFFERS stream=" + stream + " sequence=2")
                .contains("expected=" + seal.get("head").asText());

        String forgedHead = Files.readAllLines(edited).get(2).substring(0, 64);
        Path forged = Files.writeString(DATA.resolve(stream + "-forged-seal.json"),
                seal.toString().replace(seal.get("head").asText(), forgedHead));
        Script unsigned = script(edited, forged, keys);
        assertThat(unsigned.exit()).as(unsigned.output()).isEqualTo(1);
        assertThat(unsigned.output()).contains("the seal's signature does not verify");
        assertThat(script(edited, forged).exit()).as("without the keys only the chain is checked").isZero();
    }

    @Test
    void exportsTheCanonicalLineOfEachStoredEventWithTheHeadAfterIt() throws Exception {
        String stream = written(2);

        List<String> rows = export(stream).lines().toList();

        assertThat(rows).hasSize(2);
        String line = rows.get(1).substring(65);
        JsonNode canonical = json.readTree(line);
        assertThat(canonical.fieldNames()).toIterable().containsExactly("aggregateType", "eventId", "metaData",
                "payload", "payloadType", "revision", "sequence", "stream", "timestamp");
        assertThat(canonical.get("sequence").asLong()).isEqualTo(1);
        assertThat(canonical.get("payloadType").asText()).isEqualTo(NoteWritten.class.getName());
        assertThat(json.readTree(canonical.get("payload").asText()).get("text").asText())
                .isEqualTo("note 1 by Zoë Ní Bhriain");
        String head0 = rows.get(0).substring(0, 64);
        assertThat(rows.get(1).substring(0, 64)).isEqualTo(ChainHashes.link(head0, ChainHashes.leaf(line)))
                .isEqualTo(ledger.head(stream).orElseThrow().hash());
    }

    // --- helpers

    String written(int notes) {
        return notes().written(notes);
    }

    void write(String stream, int notes) {
        notes().write(stream, notes);
    }

    void tamper(String stream, long sequence, String text) {
        notes().tamper(stream, sequence, text);
    }

    NoteStreams notes() {
        return new NoteStreams(commands, ledger, axonMongo);
    }

    JsonNode sealOf(String stream) throws Exception {
        JsonNode sealed = post("/api/test/history-chain/seals");
        for (JsonNode seal : sealed.get("sealed")) {
            if (seal.get("stream").asText().equals(stream)) {
                return seal;
            }
        }
        throw new AssertionError("no seal of " + stream + " in " + sealed);
    }

    static List<String> leaves(JsonNode proof) {
        return proof.get("leaves").findValuesAsText("leaf");
    }

    String export(String stream) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base()
                        + "/api/test/history-chain/streams/" + stream + "/export")).header("X-Actor", "auditor.khan")
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    JsonNode get(String stream, String what) throws Exception {
        return getPath("/api/test/history-chain/streams/" + stream + what);
    }

    JsonNode getPath(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("X-Actor", "auditor.khan").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    JsonNode post(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("X-Actor", "operator.lee").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    record Script(int exit, String output) {
    }

    static Script script(Path... arguments) throws Exception {
        Path script = Path.of("../../tools/verify-chain.sh").toAbsolutePath().normalize();
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        for (Path argument : arguments) {
            command.add(argument.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Script(process.waitFor(), output);
    }

    static boolean onPath(String command) throws Exception {
        return new ProcessBuilder("bash", "-c", "command -v " + command).start().waitFor() == 0;
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("history-chain-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
