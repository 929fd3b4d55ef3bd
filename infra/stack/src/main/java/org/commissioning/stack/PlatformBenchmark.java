package org.commissioning.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures the local stack's targets and writes a Markdown report:
 * time from launch to every service ready (target: 60 s on 2 cores), time from a registration through the
 * gateway until the contract is on the dashboard (target: 1 s), and each service's resident memory.
 * Run with {@code bench/run.sh}; the numbers are for the embedded stack on this machine, not for MongoDB.
 */
public final class PlatformBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlatformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of("bench/REPORT.md");
        int samples = 30;
        List<String> stackArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else if (arg.startsWith("--samples=")) {
                samples = Integer.parseInt(arg.substring("--samples=".length()));
            } else {
                stackArgs.add(arg);
            }
        }
        StackOptions options = StackOptions.parse(stackArgs.toArray(String[]::new));
        if (Files.exists(options.dataDir().resolve("kafka"))) {
            throw new IllegalArgumentException("The benchmark needs an empty --data-dir, not " + options.dataDir());
        }

        try (LocalStack stack = new LocalStack(options)) {
            long t0 = System.nanoTime();
            stack.start();
            Duration ready = Duration.ofNanos(System.nanoTime() - t0);
            long t1 = System.nanoTime();
            String demo = stack.loadDemoData();
            Duration demoLoad = Duration.ofNanos(System.nanoTime() - t1);

            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                latencies.add(registrationToDashboardMillis(stack.gatewayUrl(), i));
            }
            Map<String, Long> memory = stack.residentMemoryMib();
            write(report, ready, demo, demoLoad, latencies, memory);
            System.out.println(Files.readString(report));
        }
    }

    private static long registrationToDashboardMillis(String gateway, int i) throws IOException, InterruptedException {
        String body = """
                {"provider":"Benchmark Provider %d","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Dover"]}}"""
                .formatted(i);
        long start = System.nanoTime();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/contracts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Registration failed: " + created.statusCode() + " " + created.body());
        }
        String id = JSON.readTree(created.body()).get("contractId").asText();
        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> dashboard = HTTP.send(HttpRequest.newBuilder(
                    URI.create(gateway + "/api/dashboard/contracts?provider=Benchmark%20Provider%20" + i)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (dashboard.body().contains(id)) {
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("Contract " + id + " not on the dashboard within 30 s");
    }

    private static void write(Path report, Duration ready, String demo, Duration demoLoad, List<Long> latencies,
                              Map<String, Long> memory) throws IOException {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        StringBuilder md = new StringBuilder();
        md.append("# Local stack benchmark\n\n")
                .append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version"))
                .append(". Embedded stack: in-process Kafka (KRaft) and mongo-java-server (H2); its timings are not MongoDB's.\n\n")
                .append("| measure | value | target |\n|---|---|---|\n")
                .append("| launch to all five services ready | ").append(String.format("%.1f s", ready.toMillis() / 1000.0))
                .append(" | 60 s |\n")
                .append("| demo contracts loaded through the gateway | ").append(demoLoad.toMillis()).append(" ms (")
                .append(demo).append(") | |\n")
                .append("| registration to dashboard, p50 (n=").append(sorted.size()).append(") | ")
                .append(percentile(sorted, 50)).append(" ms | 1000 ms |\n")
                .append("| registration to dashboard, p95 | ").append(percentile(sorted, 95)).append(" ms | 1000 ms |\n")
                .append("| registration to dashboard, max | ").append(sorted.get(sorted.size() - 1)).append(" ms | |\n")
                .append("| registration to dashboard, first sample (right after the demo load) | ")
                .append(latencies.get(0)).append(" ms | |\n")
                .append("| registration to dashboard, later samples: max | ")
                .append(latencies.subList(1, latencies.size()).stream().mapToLong(Long::longValue).max().orElse(0))
                .append(" ms | |\n\n")
                .append("Resident memory after the run (MiB):\n\n| service | RSS |\n|---|---|\n");
        memory.forEach((service, mib) -> md.append("| ").append(service).append(" | ").append(mib).append(" |\n"));
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, md.toString());
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
