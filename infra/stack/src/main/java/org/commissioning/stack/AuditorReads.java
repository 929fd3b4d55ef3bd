package org.commissioning.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * The auditor's reads (issue 16): one contract with {@code years} years of monthly returns of three KPIs, each rated,
 * then each auditor read timed {@code samples} times in turn through the gateway (its rating history, the history as
 * it stood half-way, the re-derivation of every rating, the evidence pack), against a raw read of the same documents
 * through the MongoDB driver (rag-service's rating history entries of the contract, sorted by sequence), timed the
 * same number of times in the same run.
 */
final class AuditorReads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    /** One read: its name, what it sent, its timings in milliseconds. */
    record Read(String name, String request, List<Long> millis) {

        long p50() {
            return Latencies.of(millis).percentile(50);
        }

        long p99() {
            return Latencies.of(millis).percentile(99);
        }
    }

    /**
     * @param entries the contract's rating history entries the raw read returns
     * @param raw     the raw driver read of those entries
     */
    record Result(String contractId, int months, int entries, List<Read> reads, Read raw) {

        /** A read's p99 over the raw read's p99 (the raw p99 taken as at least 1 ms). */
        double ratio(Read read) {
            return (double) read.p99() / Math.max(1, raw.p99());
        }
    }

    private AuditorReads() {
    }

    /** A contract with its monthly returns, all rated, and the instant half of them were. */
    record Audited(String contractId, int months, Instant halfWay) {
    }

    static Result measure(LocalStack stack, GatewayClient officer, int years, int samples) throws Exception {
        String gateway = stack.gatewayUrl();
        Audited audited = audited(stack, officer, years);
        String contractId = audited.contractId();
        int months = audited.months();
        Instant halfWay = audited.halfWay();
        GatewayClient auditor = new GatewayClient(stack.credentials("auditor.khan"));
        String history = "/api/ratings/contracts/" + contractId + "/ratings";
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("rating history", history);
        requests.put("rating history as of half-way", history + "?asOf=" + halfWay);
        requests.put("re-derivation of every rating", "/api/ratings/contracts/" + contractId + "/rederivation");
        requests.put("evidence pack", "/api/audit/contracts/" + contractId + "/evidence-pack");
        List<Read> reads = new ArrayList<>();
        requests.forEach((name, path) -> reads.add(new Read(name, "GET " + path, new ArrayList<>())));
        for (Read read : reads) {
            // a first request of each warms it up, untimed
            require(auditor.send("GET", gateway + read.request().substring(4), null), 200, read.name());
        }
        for (int i = 0; i < samples; i++) {
            for (Read read : reads) {
                long t0 = System.nanoTime();
                HttpResponse<String> answer = auditor.send("GET", gateway + read.request().substring(4), null);
                read.millis().add((System.nanoTime() - t0) / 1_000_000);
                require(answer, 200, read.name());
            }
        }
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            var ratings = mongo.getDatabase("ratings");
            Document live = ratings.getCollection("read_models").find(Filters.eq("_id", "rating_history")).first();
            String collection = live == null ? "rating_history" : live.getString("collection");
            MongoCollection<Document> entries = ratings.getCollection(collection);
            Read raw = new Read("raw driver read", "find({contractId}) sorted by sequence on ratings." + collection,
                    new ArrayList<>());
            int found = 0;
            for (int i = 0; i <= samples; i++) {
                long t0 = System.nanoTime();
                List<Document> all = entries.find(Filters.eq("contractId", contractId)).sort(Sorts.ascending("sequence"))
                        .into(new ArrayList<>());
                if (i > 0) {
                    raw.millis().add((System.nanoTime() - t0) / 1_000_000);
                }
                found = all.size();
            }
            return new Result(contractId, months, found, reads, raw);
        }
    }

    /** One auditor's read of {@code path} through the gateway, timed {@code samples} times after one untimed. */
    static Read time(GatewayClient auditor, String gateway, String name, String path, int samples)
            throws IOException, InterruptedException {
        Read read = new Read(name, "GET " + path, new ArrayList<>());
        require(auditor.send("GET", gateway + path, null), 200, name);
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = auditor.send("GET", gateway + path, null);
            read.millis().add((System.nanoTime() - t0) / 1_000_000);
            require(answer, 200, name);
        }
        return read;
    }

    /** Registers a contract {@code years} years back and submits its monthly returns one by one until all are rated. */
    static Audited audited(LocalStack stack, GatewayClient officer, int years) throws Exception {
        String gateway = stack.gatewayUrl();
        YearMonth current = YearMonth.now(ZoneId.of("Europe/London"));
        YearMonth first = current.minusYears(years);
        String contractId = register(officer, gateway, first, years);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (String known : List.of("/api/kpi/contracts/", "/api/ratings/contracts/")) {
            if (!officer.awaitOk(gateway + known + contractId, deadline)) {
                throw new IllegalStateException("The audited contract " + contractId + " is unknown at " + known);
            }
        }
        require(officer.send("PUT", gateway + "/api/kpi/contracts/" + contractId + "/framework",
                PipelineThroughput.framework(first)), 201, "framework");
        int months = 0;
        Instant halfWay = null;
        for (YearMonth month = first; month.isBefore(current); month = month.plusMonths(1)) {
            require(officer.send("POST", gateway + "/api/kpi/contracts/" + contractId + "/returns",
                    PipelineThroughput.returnOf(month, months)), 201, "return " + month);
            months++;
            if (months == years * 6) {
                awaitRated(officer, gateway, contractId, months, deadline);
                halfWay = Instant.now();
            }
        }
        awaitRated(officer, gateway, contractId, months, deadline);
        return new Audited(contractId, months, halfWay);
    }

    private static String register(GatewayClient officer, String gateway, YearMonth first, int years)
            throws IOException, InterruptedException {
        LocalDate start = first.atDay(1);
        String body = """
                {"provider":"Audited Provider","serviceArea":"EMOTIONAL_HEALTH_AND_WELLBEING",\
                "lot":{"scope":"COUNTY"},"start":"%s","end":"%s"}""".formatted(start,
                start.plusYears(years + 2L).minusDays(1));
        HttpResponse<String> created = officer.send("POST", gateway + "/api/contracts", body);
        require(created, 201, "registration");
        return JSON.readTree(created.body()).get("contractId").asText();
    }

    private static void awaitRated(GatewayClient officer, String gateway, String contractId, int months,
                                   long deadline) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> history = officer.send("GET", gateway + "/api/ratings/contracts/" + contractId
                    + "/ratings", null);
            if (history.statusCode() == 200) {
                java.util.Set<String> rated = new java.util.HashSet<>();
                for (JsonNode r : JSON.readTree(history.body()).path("ratings")) {
                    if (!"NOT_RATED".equals(r.path("rating").asText())) {
                        rated.add(r.path("period").asText());
                    }
                }
                if (rated.size() >= months) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The audited contract's " + months + " months were not all rated in "
                        + PATIENCE.toMinutes() + " min");
            }
            Thread.sleep(500);
        }
    }

    private static void require(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** The report's rows: each read's p50 and p99 and its p99 over the raw read's. */
    static String rows(Result result) {
        StringBuilder md = new StringBuilder("| read | p50 | p99 | p99 ÷ raw p99 (target ≤ 3) |\n|---|---|---|---|\n");
        for (Read read : result.reads()) {
            md.append("| ").append(read.name()).append(" (`").append(read.request()).append("`) | ")
                    .append(read.p50()).append(" ms | ").append(read.p99()).append(" ms | ")
                    .append(String.format("%.1f", result.ratio(read))).append(" |\n");
        }
        md.append("| ").append(result.raw().name()).append(" (`").append(result.raw().request()).append("`, ")
                .append(result.entries()).append(" documents) | ").append(result.raw().p50()).append(" ms | ")
                .append(result.raw().p99()).append(" ms | 1 |\n");
        return md.toString();
    }
}
