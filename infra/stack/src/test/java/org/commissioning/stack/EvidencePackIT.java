package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.commissioning.identity.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The evidence pack of the demo's NELFT contract, built through the gateway as the auditor, from the parts the
 * contract, KPI and rating services serve of their own event stores: the same instant gives the same bytes, and the
 * manifest holds each file's size and hash.
 */
class EvidencePackIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    static LocalStack stack;
    static ClientCredentials auditor;

    @BeforeAll
    static void startTheStackWithTheDemoData() throws Exception {
        for (String service : List.of("contract-service", "kpi-service", "rag-service", "deepdive-service", "gateway")) {
            assertThat(StacksUnderTest.ROOT.resolve(service).resolve("target")
                    .resolve(service + "-0.1.0-SNAPSHOT-exec.jar"))
                    .as("executable jar of " + service + " (run ./mvnw verify, which packages before this test)").exists();
        }
        stack = StacksUnderTest.startedWithoutScans(StacksUnderTest.freshOptions("evidence-pack"));
        assertThat(stack.loadDemoData()).doesNotContain("failed");
        auditor = stack.credentials(DemoUsers.AUDITOR);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void buildsNelftsPackTwiceAsOfOneInstantWithTheSameBytesAndAManifestOfTheirHashes() throws Exception {
        String nelft = nelft();
        // the instant is explicit, so the pack does not depend on how far the services have caught up; this only
        // makes sure it has a history to hold
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/kpi/contracts/" + nelft + "/returns/2018-10")
                .statusCode() == 200);
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<byte[]> first = pack(nelft, asOf);
        HttpResponse<byte[]> second = pack(nelft, asOf);

        assertThat(first.statusCode()).as(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(second.body()).as("the same instant, the same bytes").isEqualTo(first.body());
        Map<String, byte[]> entries = entries(first.body());
        assertThat(entries.keySet()).startsWith("README.txt", "manifest.json");
        for (String context : List.of("contract", "kpi", "ratings")) {
            assertThat(entries.keySet()).as(context).anyMatch(name -> name.startsWith(context + "/")
                    && !name.startsWith(context + "/chain/"));
            JsonNode verification = JSON.readTree(entries.get(context + "/chain/verification.json"));
            assertThat(verification.get("intact").asBoolean()).as(context + ": " + verification).isTrue();
            assertThat(verification.get("streams")).as(context + "'s streams").isNotEmpty();
        }
        assertThat(entries).containsKey("ratings/policies.json");
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("contractId").asText()).isEqualTo(nelft);
        assertThat(manifest.get("asOf").asText()).isEqualTo(asOf.toString());
        Map<String, byte[]> listed = new LinkedHashMap<>(entries);
        listed.remove("manifest.json");
        assertThat(manifest.get("files").findValuesAsText("name")).containsExactlyElementsOf(listed.keySet());
        for (JsonNode file : manifest.get("files")) {
            byte[] bytes = listed.get(file.get("name").asText());
            assertThat(file.get("bytes").asLong()).as(file.get("name").asText()).isEqualTo(bytes.length);
            assertThat(file.get("sha256").asText()).as(file.get("name").asText())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    static String nelft() throws Exception {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode row : JSON.readTree(get("/api/dashboard/contracts").body())) {
                if (row.get("provider").asText().equals("NELFT")) {
                    return row.get("id").asText();
                }
            }
            return null;
        }, id -> id != null);
    }

    static HttpResponse<byte[]> pack(String contractId, Instant asOf) throws Exception {
        return HTTP.send(auditor.authorize(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                        + "/api/audit/contracts/" + contractId + "/evidence-pack?asOf=" + asOf)))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(auditor.authorize(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
