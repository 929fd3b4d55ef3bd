package org.commissioning.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.OwnerStub;
import org.commissioning.gateway.support.OwnerStub.Received;
import org.commissioning.gateway.support.StubbedOwners;
import org.commissioning.identity.DemoUsers;
import org.commissioning.identity.LocalIssuer;
import org.commissioning.platform.security.SecurityProblems;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A contract's evidence pack at the gateway, with security on (the local issuer's demo users), in front of real HTTP
 * servers standing in for contract-service, kpi-service, rag-service and deepdive-service, each serving its part.
 */
@TestPropertySource(properties = "platform.security.enabled=true")
class EvidencePackIT extends GatewayITSupport {

    static final String AS_OF = "2018-05-16T10:00:00Z";
    static final String PROBLEM_404 = """
            {"type":"https://commissioning.example/problems/not-found","title":"Not found","status":404,\
            "detail":"No contract UNKNOWN"}""";

    @AutoClose
    static final LocalIssuer issuer = LocalIssuer.startInTemporaryDirectory("evidence-pack-issuer");

    @RegisterExtension
    static final StubbedOwners OWNERS = StubbedOwners.oneEach();

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
        OWNERS.register(registry);
    }

    @Test
    void buildsTheSameBytesTwiceFromTheSamePartsInThePacksOrder() throws Exception {
        String contract = withParts();

        ResponseEntity<byte[]> first = pack(DemoUsers.AUDITOR, contract, AS_OF);
        ResponseEntity<byte[]> second = pack(DemoUsers.OFFICER, contract, AS_OF);

        assertThat(first.getStatusCode().value()).as(text(first)).isEqualTo(200);
        assertThat(first.getHeaders().getContentType()).hasToString("application/zip");
        assertThat(first.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"evidence-" + contract + "-" + AS_OF + ".zip\"");
        assertThat(second.getBody()).isEqualTo(first.getBody());
        Map<String, byte[]> entries = entries(first.getBody());
        assertThat(entries.keySet()).containsExactly("README.txt", "manifest.json", "contract/lifecycle.csv",
                "contract/chain/verification.json", "kpi/returns.csv", "ratings/policies.json",
                "deepdives/deep-dives.csv");
        String readme = new String(entries.get("README.txt"), StandardCharsets.UTF_8);
        assertThat(readme).contains("Contract: " + contract).contains("As of:    " + AS_OF)
                .containsSubsequence("contract/lifecycle.csv: one row", "kpi/returns.csv: one row",
                        "ratings/policies.json: the policies", "deepdives/deep-dives.csv: one row",
                        "Tamper-evident history", "tools/verify-chain.sh",
                        "ratings/policies.json defines");
        for (OwnerStub owner : List.of(OWNERS.contract(), OWNERS.kpi(), OWNERS.rag(), OWNERS.deepdive())) {
            Received asked = owner.last(partPath(owner, contract));
            assertThat(query(asked)).isEqualTo("asOf=" + AS_OF);
            assertThat(asked.header(HttpHeaders.AUTHORIZATION)).startsWith("Bearer ");
            assertThat(asked.header("X-Correlation-Id")).isNotBlank();
        }
    }

    @Test
    void datesEveryEntryAtTheInstantAndListsEveryOtherEntryWithItsHashInTheManifest() throws Exception {
        String contract = withParts();

        byte[] zip = pack(DemoUsers.AUDITOR, contract, AS_OF).getBody();

        Map<String, byte[]> entries = entries(zip);
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("contractId").asText()).isEqualTo(contract);
        assertThat(manifest.get("asOf").asText()).isEqualTo(AS_OF);
        Map<String, byte[]> listed = new LinkedHashMap<>(entries);
        listed.remove("manifest.json");
        assertThat(manifest.get("files").findValuesAsText("name")).containsExactlyElementsOf(listed.keySet());
        for (JsonNode file : manifest.get("files")) {
            byte[] bytes = listed.get(file.get("name").asText());
            assertThat(file.get("bytes").asLong()).isEqualTo(bytes.length);
            assertThat(file.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(entry.getTimeLocal()).as(entry.getName())
                        .isEqualTo(LocalDateTime.ofInstant(Instant.parse(AS_OF), ZoneOffset.UTC));
                assertThat(entry.getExtra()).as("no time field but the DOS time: " + entry.getName()).isNull();
                assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
            }
        }
    }

    @Test
    void asksEveryOwnerForTheSameInstantNowToTheSecondWhenTheCallerNamesNone() throws Exception {
        String contract = withParts();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        ResponseEntity<byte[]> response = pack(DemoUsers.AUDITOR, contract, null);

        assertThat(response.getStatusCode().value()).as(text(response)).isEqualTo(200);
        String asked = query(OWNERS.contract().last(partPath(OWNERS.contract(), contract)));
        Instant asOf = Instant.parse(asked.substring("asOf=".length()));
        assertThat(asOf).isBetween(before, Instant.now()).isEqualTo(asOf.truncatedTo(ChronoUnit.SECONDS));
        assertThat(query(OWNERS.kpi().last(partPath(OWNERS.kpi(), contract)))).isEqualTo(asked);
        assertThat(query(OWNERS.rag().last(partPath(OWNERS.rag(), contract)))).isEqualTo(asked);
        assertThat(query(OWNERS.deepdive().last(partPath(OWNERS.deepdive(), contract)))).isEqualTo(asked);
        assertThat(json.readTree(entries(response.getBody()).get("manifest.json")).get("asOf").asText())
                .isEqualTo(asOf.toString());
    }

    @Test
    void relaysAnOwnersRefusalAsItCame() throws Exception {
        String contract = withParts();
        OWNERS.kpi().answer(partPath(OWNERS.kpi(), contract), 404, "application/problem+json", PROBLEM_404);

        ResponseEntity<byte[]> response = pack(DemoUsers.AUDITOR, contract, AS_OF);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(text(response)).isEqualTo(PROBLEM_404);
    }

    @Test
    void refusesAPartWithAFileOutsideItsContextsFolder() throws Exception {
        String contract = withParts();
        OWNERS.rag().answer(partPath(OWNERS.rag(), contract), 200, "application/json",
                part("ratings", contract, "contract/lifecycle.csv", "forged"));

        ResponseEntity<byte[]> response = pack(DemoUsers.AUDITOR, contract, AS_OF);

        JsonNode problem = problemOf(response, 502);
        assertThat(problem.get("service").asText()).isEqualTo("rag-service");
        assertThat(problem.get("detail").asText()).contains("contract/lifecycle.csv");
    }

    @Test
    void refusesAViewerWithoutAskingAnyOwner() throws Exception {
        String contract = withParts();
        int before = asked();

        ResponseEntity<byte[]> response = pack(DemoUsers.VIEWER, contract, AS_OF);

        assertThat(problemOf(response, 403).get("type").asText()).endsWith("/" + SecurityProblems.FORBIDDEN);
        assertThat(asked()).isEqualTo(before);
    }

    @Test
    void refusesAnInstantInTheFutureOrMalformedNamingAsOfWithoutAskingAnyOwner() throws Exception {
        String contract = withParts();
        int before = asked();

        JsonNode future = problemOf(pack(DemoUsers.AUDITOR, contract,
                Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()), 400);
        JsonNode malformed = problemOf(pack(DemoUsers.AUDITOR, contract, "yesterday"), 400);

        assertThat(future.get("rule").asText()).isEqualTo("as-of-in-future");
        assertThat(future.get("errors").findValuesAsText("field")).containsExactly("asOf");
        assertThat(malformed.get("rule").asText()).isEqualTo("instant");
        assertThat(asked()).isEqualTo(before);
    }

    // --- helpers

    /** A new contract whose four parts the owners serve, each echoing the instant it was asked for. */
    static String withParts() {
        String contract = UUID.randomUUID().toString();
        OWNERS.contract().answer(partPath(OWNERS.contract(), contract), 200, "application/json",
                part("contract", contract, "contract/lifecycle.csv", "contractId,type\r\n" + contract + ",X\r\n",
                        "contract/chain/verification.json", "{\"intact\":true}\n"));
        OWNERS.kpi().answer(partPath(OWNERS.kpi(), contract), 200, "application/json",
                part("kpi", contract, "kpi/returns.csv", "period,kpiCode\r\n2018-04,ATTEND\r\n"));
        OWNERS.rag().answer(partPath(OWNERS.rag(), contract), 200, "application/json",
                part("ratings", contract, "ratings/policies.json", "{\"policies\":[]}\n"));
        OWNERS.deepdive().answer(partPath(OWNERS.deepdive(), contract), 200, "application/json",
                part("deepdives", contract, "deepdives/deep-dives.csv", "programme_year,status\r\n2018,COMPLETE\r\n"));
        return contract;
    }

    static String partPath(OwnerStub owner, String contract) {
        return switch (owner.name()) {
            case "contract-service" -> "/api/contracts/" + contract + "/evidence";
            case "kpi-service" -> "/api/kpi/contracts/" + contract + "/evidence";
            case "deepdive-service" -> "/api/deepdives/contracts/" + contract + "/evidence";
            default -> "/api/ratings/contracts/" + contract + "/evidence";
        };
    }

    /** A part as the platform serves one: files as name, content pairs; a README paragraph per file. */
    static String part(String context, String contract, String... files) {
        StringBuilder json = new StringBuilder("{\"context\":\"" + context + "\",\"contractId\":\"" + contract
                + "\",\"asOf\":\"{asOf}\",\"files\":[");
        StringBuilder readme = new StringBuilder();
        for (int i = 0; i < files.length; i += 2) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(files[i]).append("\",\"content\":")
                    .append(quoted(files[i + 1])).append('}');
            readme.append(files[i]).append(files[i].endsWith("policies.json") ? ": the policies.\n\n"
                    : ": one row per thing.\n\n");
        }
        return json.append("],\"readme\":").append(quoted(readme.toString())).append('}').toString();
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n")
                + "\"";
    }

    ResponseEntity<byte[]> pack(String user, String contract, String asOf) {
        return http().get().uri("/api/audit/contracts/" + contract + "/evidence-pack" + (asOf == null ? "" : "?asOf="
                        + asOf)).header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.accessToken(user))
                .retrieve().toEntity(byte[].class);
    }

    JsonNode problemOf(ResponseEntity<byte[]> response, int status) throws Exception {
        return problem(ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .body(text(response)), status);
    }

    static String query(Received received) {
        return URLDecoder.decode(received.rawQuery(), StandardCharsets.UTF_8);
    }

    static String text(ResponseEntity<byte[]> response) {
        return response.getBody() == null ? "" : new String(response.getBody(), StandardCharsets.UTF_8);
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

    static int asked() {
        return OWNERS.contract().received().size() + OWNERS.kpi().received().size() + OWNERS.rag().received().size()
                + OWNERS.deepdive().received().size();
    }
}
