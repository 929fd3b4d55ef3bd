package org.commissioning.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pipeline's sustained throughput (issue 16): {@code contracts} contracts, each with a framework of
 * {@value #KPIS} headline KPIs, get {@code months} monthly returns through the gateway from {@code clients}
 * concurrent clients, month after month as providers send them; the run ends when every return's
 * {@code ContractRated} is on {@code ratings.events.v1}. It reports KPI values per second from the first submission
 * to the last rating, each return's latency from its HTTP response to its ContractRated (HdrHistogram), and the store
 * writes the pipeline made: the MongoDB write commands (insert, update, delete, findAndModify) each service's driver
 * sent during the run, read from its {@code mongodb_driver_commands_seconds_count} metric, per KPI value.
 */
final class PipelineThroughput {

    static final int KPIS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WRITE_COMMANDS = List.of("insert", "update", "delete", "findAndModify");
    private static final Pattern COMMAND_COUNT = Pattern.compile(
            "^mongodb_driver_commands_seconds_count\\{([^}]*)}\\s+([0-9.eE+]+)$", Pattern.MULTILINE);
    private static final Pattern COLLECTION = Pattern.compile("collection=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param writesByService the write commands each service sent to the store during the submissions and ratings
     * @param writesByCollection the same by {@code service/collection}
     * @param cpuSecondsByProcess CPU time each service and the launcher used meanwhile
     * @param commands every command (reads and writes) the services' drivers sent meanwhile
     * @param latenciesMillis per return, its HTTP response to its ContractRated first seen on the topic
     * @param pacedReturnsPerSecond the steady rate the returns were sent at; 0 when sent as fast as the clients went
     */
    record Result(int contracts, int months, int clients, long returns, long values, double seconds,
                  List<Long> latenciesMillis, Map<String, Long> writesByService,
                  Map<String, Long> writesByCollection, int refused, double cpuSeconds,
                  Map<String, Double> cpuSecondsByProcess, long commands, double pacedReturnsPerSecond) {

        /** Every store command (reads and writes) per KPI value. */
        double commandsPerValue() {
            return values == 0 ? 0 : (double) commands / values;
        }

        /** The share of the machine's processors' time the stack used from the first submission to the last rating. */
        double machineShare() {
            return seconds <= 0 ? 0 : cpuSeconds / (seconds * Runtime.getRuntime().availableProcessors());
        }

        double returnsPerSecond() {
            return seconds <= 0 ? 0 : returns / seconds;
        }

        /** CPU time the stack (services, broker, store) used per KPI value while the returns were rated. */
        double cpuMillisPerValue() {
            return values == 0 ? 0 : cpuSeconds * 1000 / values;
        }

        double valuesPerSecond() {
            return seconds <= 0 ? 0 : values / seconds;
        }

        long writes() {
            return writesByService.values().stream().mapToLong(Long::longValue).sum();
        }

        double writesPerValue() {
            return values == 0 ? 0 : (double) writes() / values;
        }
    }

    private PipelineThroughput() {
    }

    static Result measure(LocalStack stack, GatewayClient client, int contracts, int months, int clients)
            throws Exception {
        return measure(stack, client, contracts, months, clients, 0, "Pipeline Provider");
    }

    /**
     * The same with the returns sent at a steady {@code returnsPerSecond} (open loop: the n-th return is sent
     * {@code n / returnsPerSecond} seconds after the first, however long the earlier ones took), so latency is measured
     * under a load the pipeline can sustain rather than behind a queue the clients build; 0 sends them as fast as the
     * clients go.
     */
    static Result measure(LocalStack stack, GatewayClient client, int contracts, int months, int clients,
                          double returnsPerSecond, String provider) throws Exception {
        String gateway = stack.gatewayUrl();
        YearMonth first = firstMonth(months);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<String> ids = registerWithFrameworks(stack, client, pool, contracts, first, provider);
            Commands before = commands(stack);
            Map<String, Long> writesBefore = before.writesByCollection();
            long cpuBefore = stack.cpuNanos();
            Map<String, Long> cpuByProcessBefore = stack.cpuNanosByProcess();
            try (RatedWatcher rated = new RatedWatcher(stack.kafka().bootstrapServers())) {
                ConcurrentLinkedQueue<Integer> work = new ConcurrentLinkedQueue<>();
                for (int m = 0; m < months; m++) {
                    for (int c = 0; c < ids.size(); c++) {
                        work.add(m * ids.size() + c);
                    }
                }
                Map<String, Long> respondedAt = new ConcurrentHashMap<>();
                AtomicInteger refused = new AtomicInteger();
                long firstSubmission = System.nanoTime();
                parallel(pool, clients, worker -> {
                    for (Integer next = work.poll(); next != null; next = work.poll()) {
                        if (returnsPerSecond > 0) {
                            long due = firstSubmission + (long) (next * 1e9 / returnsPerSecond);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                        }
                        String id = ids.get(next % ids.size());
                        YearMonth period = first.plusMonths(next / ids.size());
                        HttpResponse<String> submitted = client.send("POST",
                                gateway + "/api/kpi/contracts/" + id + "/returns", returnOf(period, next));
                        if (submitted.statusCode() == 201) {
                            respondedAt.put(id + "|" + period, System.nanoTime());
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                });
                long lastRated = rated.awaitAll(respondedAt.keySet(),
                        Duration.ofSeconds(Math.max(300, respondedAt.size())));
                long cpu = stack.cpuNanos() - cpuBefore;
                Map<String, Double> cpuByProcess = new LinkedHashMap<>();
                stack.cpuNanosByProcess().forEach((process, after) -> cpuByProcess.put(process,
                        (after - cpuByProcessBefore.getOrDefault(process, 0L)) / 1e9));
                Commands counted = commands(stack);
                Map<String, Long> writesAfter = counted.writesByCollection();
                long commands = counted.commandsByService().values().stream().mapToLong(Long::longValue).sum()
                        - before.commandsByService().values().stream().mapToLong(Long::longValue).sum();
                Map<String, Long> byCollection = new LinkedHashMap<>();
                writesAfter.forEach((collection, after) -> byCollection.put(collection,
                        after - writesBefore.getOrDefault(collection, 0L)));
                Map<String, Long> writes = new LinkedHashMap<>();
                stack.serviceUrls().keySet().forEach(service -> writes.put(service, 0L));
                byCollection.forEach((collection, n) -> writes.merge(collection.substring(0, collection.indexOf('/')),
                        n, Long::sum));
                List<Long> latencies = new ArrayList<>();
                respondedAt.forEach((key, at) -> latencies.add(
                        TimeUnit.NANOSECONDS.toMillis(rated.seenAt(key) - at)));
                return new Result(ids.size(), months, clients, respondedAt.size(), (long) respondedAt.size() * KPIS,
                        (lastRated - firstSubmission) / 1e9, latencies, writes, byCollection, refused.get(),
                        cpu / 1e9, cpuByProcess, commands, returnsPerSecond);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first of {@code months} monthly returns that end with last month's. */
    static YearMonth firstMonth(int months) {
        return YearMonth.now(ZoneId.of("Europe/London")).minusMonths(months);
    }

    /**
     * Registers {@code contracts} contracts through the gateway, in force from {@code first} for three years, and
     * gives each the framework of {@value #KPIS} headline KPIs once kpi-service and rag-service know it; returns when
     * rag-service has read every framework.
     */
    static List<String> registerWithFrameworks(LocalStack stack, GatewayClient client, ExecutorService pool,
                                               int contracts, YearMonth first, String provider) throws Exception {
        String gateway = stack.gatewayUrl();
        LocalDate start = first.atDay(1);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        parallel(pool, contracts, i -> {
            String body = """
                    {"provider":"%s %d","serviceArea":"FAMILY_SUPPORT","lot":{"scope":"COUNTY"},\
                    "start":"%s","end":"%s"}""".formatted(provider, i, start, start.plusYears(3).minusDays(1));
            HttpResponse<String> created = client.send("POST", gateway + "/api/contracts", body);
            require(created, 201, "registration " + i);
            ids.add(JSON.readTree(created.body()).get("contractId").asText());
        });
        long knownBy = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        String framework = framework(first);
        parallel(pool, ids.size(), i -> {
            String id = ids.get(i);
            if (!client.awaitOk(gateway + "/api/kpi/contracts/" + id, knownBy)
                    || !client.awaitOk(gateway + "/api/ratings/contracts/" + id, knownBy)) {
                throw new IllegalStateException("Contract " + id + " not known to kpi-service and rag-service");
            }
            require(client.send("PUT", gateway + "/api/kpi/contracts/" + id + "/framework", framework), 201,
                    "framework of " + id);
        });
        awaitRagServiceCaughtUp(stack, knownBy);
        return ids;
    }

    /**
     * rag-service learns the frameworks from kpi.events.v1: waits until its consumer group has read that topic to its
     * end, so the timed returns do not queue behind the frameworks.
     */
    private static void awaitRagServiceCaughtUp(LocalStack stack, long deadline) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers()))) {
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("rag-service")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                committed.keySet().stream().filter(tp -> tp.topic().equals(PlatformBenchmark.KPI_TOPIC))
                        .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                if (!ends.isEmpty() && ends.entrySet().stream()
                        .allMatch(e -> committed.get(e.getKey()).offset() >= e.getValue().offset())) {
                    return;
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("rag-service did not catch up with " + PlatformBenchmark.KPI_TOPIC);
    }

    static String framework(YearMonth effectiveFrom) {
        StringBuilder kpis = new StringBuilder();
        for (int k = 1; k <= KPIS; k++) {
            if (k > 1) {
                kpis.append(',');
            }
            kpis.append("""
                    {"code":"KPI-%d","name":"Pipeline KPI %d","unit":"PERCENT","direction":"HIGHER_IS_BETTER",\
                    "headline":true,"expectedSource":"PROVIDER","bands":[
                     {"rating":"RED","upper":85,"upperInclusive":false},
                     {"rating":"AMBER","lower":85,"lowerInclusive":true,"upper":90,"upperInclusive":false},
                     {"rating":"GREEN","lower":90,"lowerInclusive":true}]}""".formatted(k, k));
        }
        return "{\"effectiveFrom\":\"" + effectiveFrom + "\",\"kpis\":[" + kpis + "]}";
    }

    /** A return whose values move between the bands, so ratings change as they would. */
    static String returnOf(YearMonth period, int n) {
        StringBuilder values = new StringBuilder();
        for (int k = 1; k <= KPIS; k++) {
            if (k > 1) {
                values.append(',');
            }
            values.append("{\"kpiCode\":\"KPI-").append(k).append("\",\"value\":").append(80 + (n * 7 + k * 3) % 20)
                    .append('}');
        }
        return "{\"period\":\"" + period + "\",\"narrative\":\"Pipeline return\",\"values\":[" + values + "]}";
    }

    /**
     * Write commands each service's MongoDB driver has sent since it started, by {@code service/collection}, from
     * its Prometheus metrics.
     */
    static Map<String, Long> writeCommands(LocalStack stack) throws IOException, InterruptedException {
        return commands(stack).writesByCollection();
    }

    /**
     * @param writesByCollection write commands by {@code service/collection}
     * @param commandsByService  every command (reads too: find, aggregate, count, getMore ...) by service
     */
    record Commands(Map<String, Long> writesByCollection, Map<String, Long> commandsByService) {
    }

    /** The commands each service's MongoDB driver has sent since it started, from its Prometheus metrics. */
    static Commands commands(LocalStack stack) throws IOException, InterruptedException {
        ClientCredentials operator = stack.credentials("operator.lee");
        Map<String, Long> writes = new LinkedHashMap<>();
        Map<String, Long> all = new LinkedHashMap<>();
        for (Map.Entry<String, String> service : stack.serviceUrls().entrySet()) {
            HttpResponse<String> metrics = HTTP.send(operator.authorize(HttpRequest.newBuilder(
                            URI.create(service.getValue() + "/actuator/prometheus")))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (metrics.statusCode() != 200) {
                throw new IllegalStateException(service.getKey() + "'s metrics: HTTP " + metrics.statusCode());
            }
            writeCommandsByCollection(metrics.body()).forEach((collection, n) ->
                    writes.put(service.getKey() + "/" + collection, n));
            all.put(service.getKey(), allCommands(metrics.body()));
        }
        return new Commands(writes, all);
    }

    static long writeCommands(String prometheus) {
        return writeCommandsByCollection(prometheus).values().stream().mapToLong(Long::longValue).sum();
    }

    static long allCommands(String prometheus) {
        long total = 0;
        Matcher m = COMMAND_COUNT.matcher(prometheus);
        while (m.find()) {
            total += (long) Double.parseDouble(m.group(2));
        }
        return total;
    }

    static Map<String, Long> writeCommandsByCollection(String prometheus) {
        Map<String, Long> writes = new LinkedHashMap<>();
        Matcher m = COMMAND_COUNT.matcher(prometheus);
        while (m.find()) {
            for (String command : WRITE_COMMANDS) {
                if (m.group(1).contains("command=\"" + command + "\"")) {
                    Matcher collection = COLLECTION.matcher(m.group(1));
                    writes.merge(collection.find() ? collection.group(1) : "?", (long) Double.parseDouble(m.group(2)),
                            Long::sum);
                }
            }
        }
        return writes;
    }

    private static void require(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private interface Task {
        void run(int i) throws Exception;
    }

    /** Runs {@code task(0..n-1)} on the pool and waits for all; the first failure is thrown. */
    private static void parallel(ExecutorService pool, int n, Task task) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(n, ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize());
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    /** First sight of each contract's ContractRated per period on ratings.events.v1, from the topic's end. */
    static final class RatedWatcher implements AutoCloseable {

        private final Map<String, Long> seen = new ConcurrentHashMap<>();
        private final AtomicLong lastSeen = new AtomicLong();
        private final CountDownLatch assigned = new CountDownLatch(1);
        private final Thread thread;
        private volatile boolean running = true;

        RatedWatcher(String bootstrapServers) throws InterruptedException {
            thread = new Thread(() -> run(bootstrapServers), "pipeline-rated");
            thread.setDaemon(true);
            thread.start();
            if (!assigned.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The pipeline's consumer was not assigned within a minute");
            }
        }

        private void run(String bootstrapServers) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "pipeline-throughput");
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (PartitionInfo info : consumer.partitionsFor(PlatformBenchmark.RATINGS_TOPIC, Duration.ofMinutes(1))) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.countDown();
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        note(r, System.nanoTime());
                    }
                }
            } finally {
                assigned.countDown();
            }
        }

        private void note(ConsumerRecord<String, byte[]> r, long now) {
            try {
                JsonNode event = JSON.readTree(r.value());
                if (event.path("type").asText().endsWith(".ContractRated.v1")) {
                    if (seen.putIfAbsent(r.key() + "|" + event.path("data").path("period").asText(), now) == null) {
                        lastSeen.accumulateAndGet(now, Math::max);
                    }
                }
            } catch (IOException e) {
                // not one of ours
            }
        }

        /** @return when the last of {@code keys} was first seen ({@link System#nanoTime()}) */
        long awaitAll(java.util.Set<String> keys, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!seen.keySet().containsAll(keys)) {
                if (System.nanoTime() > deadline) {
                    long missing = keys.stream().filter(k -> !seen.containsKey(k)).count();
                    throw new IllegalStateException(missing + " of " + keys.size() + " returns not rated within "
                            + timeout);
                }
                Thread.sleep(100);
            }
            return keys.stream().mapToLong(seen::get).max().orElse(lastSeen.get());
        }

        long seenAt(String key) {
            return seen.get(key);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }
    }
}
