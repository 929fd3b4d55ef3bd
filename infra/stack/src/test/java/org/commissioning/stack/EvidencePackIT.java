package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.commissioning.identity.DemoUsers;
import org.commissioning.testsupport.evidence.PackRatings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The evidence pack of the demo's NELFT contract, built through the gateway as the auditor, from the parts the
 * contract, KPI and rating services serve of their own event stores: the same instant gives the same bytes, and the
 * manifest holds each file's size and hash; and an auditor re-derives every rating from the pack's own files.
 */
class EvidencePackIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    static LocalStack stack;
    static ClientCredentials auditor;

    @BeforeAll
    static void theSharedStackWithTheDemoData() throws Exception {
        stack = SharedStack.get();
        assertThat(SharedStack.demoDataLoaded()).doesNotContain("failed");
        auditor = stack.credentials(DemoUsers.AUDITOR);
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

    @Test
    void everyRatingOfNelftsPackReDerivesFromThePacksOwnFilesAndRestsOnTheValuesOfItsKpiPart() throws Exception {
        String nelft = nelft();
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/ratings/contracts/" + nelft + "/ratings")
                .body().contains("2019-02"));
        HttpResponse<byte[]> pack = pack(nelft, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        assertThat(pack.statusCode()).as(new String(pack.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        Map<String, String> files = new LinkedHashMap<>();
        entries(pack.body()).forEach((name, bytes) -> files.put(name, new String(bytes, StandardCharsets.UTF_8)));

        List<CSVRecord> ratings = csv(files.get(PackRatings.RATINGS));
        List<PackRatings.KpiValue> rated = csv(files.get("kpi/returns.csv")).stream()
                .filter(row -> row.get("district").isEmpty() && !row.get("rated_value").isEmpty())
                .map(row -> new PackRatings.KpiValue(row.get("period"), row.get("kpi_code"),
                        new BigDecimal(row.get("rated_value"))))
                .toList();

        assertThat(ratings.stream().map(row -> row.get("period")).distinct())
                .as("NELFT's eleven months of 2018-19 are rated").hasSizeGreaterThanOrEqualTo(11);
        assertThat(rated).as("the KPI part's values the ratings use").isNotEmpty();
        assertThat(PackRatings.rederive(files)).as("ratings that do not follow from the pack's files").isEmpty();
        assertThat(PackRatings.crossCheck(files, rated)).as("evidence that is not the KPI part's value").isEmpty();
    }

    static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    /** The demo's NELFT contract, once the gateway lists it (other classes may register contracts of NELFT too). */
    static String nelft() throws Exception {
        String nelft = new KpiDemoData().nelftContractId();
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/dashboard/contracts").body().contains(nelft));
        return nelft;
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
