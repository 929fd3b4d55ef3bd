package org.commissioning.stack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.commissioning.embedded.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The fault suite (issue 15): starts the local stack on an empty data directory, keeps a steady load of monthly KPI
 * returns (with officers' overrides and lifecycle steps) through the gateway ({@link FaultLoad}), injects faults one
 * after another while it runs (a Kafka broker restart, kill -9 of services then their restart, a MongoDB server
 * restart, a service frozen with SIGSTOP past the consumer session timeout, poison records and duplicated records
 * on every event topic), measures how long the platform took to recover from each, and once the load has stopped
 * and the platform is quiet checks that nothing accepted was lost or took effect twice: from the topics themselves
 * ({@link TopicAudit}), the consumer groups' lag ({@link ConsumerLag}), the gateway's dashboard and rag-service's
 * rating histories. Run with {@code bench/faults.sh}; writes {@code bench/FAULTS.md}. {@code FaultSuiteIT} runs its
 * short form.
 */
public final class FaultSuite {

    static final Duration READY_WITHIN = Duration.ofMinutes(6);
    /** The types that are effects of one write each: the same content under a second event id is a duplicated effect. */
    static final Map<String, List<String>> ONCE_PER_CONTENT = Map.of(
            TopicAudit.CONTRACTS, List.of("ContractRegistered", "ContractWarningIssued", "PlanStarted", "PlanClosed"),
            TopicAudit.KPI, List.of("KpiFrameworkDefined", "KpiSubmitted"),
            TopicAudit.RATINGS, List.of("KpiRated", "RagOverridden"),
            TopicAudit.DEEPDIVES, List.of("DeepDivePlanned"));

    private FaultSuite() {
    }

    /** The suite's flags: the launcher's and its own. */
    @Command(name = "bench/faults.sh", sortOptions = false, showDefaultValues = true,
            description = "Starts the local stack on an empty --data-dir, loads it, injects faults and checks that "
                    + "nothing accepted was lost or doubled.")
    static final class Flags {
        @Mixin
        StackOptions.Flags stack = new StackOptions.Flags();
        @Option(names = "--report", paramLabel = "FILE", description = "where the Markdown report is written")
        Path report = Path.of("bench/FAULTS.md");
        @Option(names = "--contracts", paramLabel = "N", description = "contracts registered and loaded")
        int contracts = 300;
        @Option(names = "--months", paramLabel = "N", description = "monthly returns per contract (3 KPI values each)")
        int months = 12;
        @Option(names = "--threads", paramLabel = "N", description = "client threads sending the load")
        int threads = 3;
        @Option(names = "--rate", paramLabel = "N", description = "returns per second, all threads together (0: as fast as they go)")
        double rate = 8;
        @Option(names = "--session-timeout-ms", paramLabel = "MS", description = "the services' Kafka consumer session timeout")
        int sessionTimeoutMs = 10_000;
        @Option(names = "--kill", paramLabel = "SERVICE", split = ",", description = "the services killed with SIGKILL and restarted, in turn")
        List<String> kill = List.of("contract-service", "kpi-service", "rag-service", "deepdive-service", "gateway");
        @Option(names = "--pause", paramLabel = "SERVICE", description = "the service frozen with SIGSTOP past the session timeout")
        String pause = "rag-service";
        @Option(names = "--patience-s", paramLabel = "S", description = "how long a fault's recovery is awaited")
        int patienceSeconds = 90;
        @Option(names = "--quiescence-s", paramLabel = "S", description = "how long the suite waits after the load for every group's lag to be zero and the topics to be still, before it checks (it checks then anyway)")
        int quiescenceSeconds = 1200;
        @Option(names = "--rebuild-s", paramLabel = "S", description = "how long each read model's rebuild is awaited")
        int rebuildSeconds = 900;
        @Option(names = "--instances", paramLabel = "N", description = "instances of contract-service and of rag-service (1 or 2); with 2 the faults kill and freeze the first while the second runs")
        int instances = 2;
    }

    /**
     * What a run does.
     *
     * @param killed         the services killed with SIGKILL and restarted, in turn
     * @param paused         the service frozen with SIGSTOP past the session timeout
     * @param sessionTimeout the services' consumer session timeout (the stack passes it to them)
     */
    record Settings(int contracts, int months, int threads, double rate, Duration sessionTimeout,
                    List<String> killed, String paused, Duration patience, Duration quiescence, Duration rebuild,
                    int instances) {

        Settings {
            if (contracts < 1 || months < 1 || months > 120 || threads < 1 || threads > 64 || rate < 0
                    || instances < 1 || instances > 2 || patience.isNegative() || patience.isZero()
                    || quiescence.isNegative() || quiescence.isZero() || rebuild.isNegative() || rebuild.isZero()) {
                throw new IllegalArgumentException("Out of range: --contracts >= 1, --months 1..120, --threads "
                        + "1..64, --rate >= 0, --instances 1..2, --patience-s, --quiescence-s and --rebuild-s >= 1");
            }
        }

        static Settings of(Flags flags) {
            return new Settings(flags.contracts, flags.months, flags.threads, flags.rate,
                    Duration.ofMillis(flags.sessionTimeoutMs), List.copyOf(flags.kill), flags.pause,
                    Duration.ofSeconds(flags.patienceSeconds), Duration.ofSeconds(flags.quiescenceSeconds),
                    Duration.ofSeconds(flags.rebuildSeconds), flags.instances);
        }

        /** The CI form: a few hundred events, one fault of each kind, rag-service the one killed, one instance each. */
        static Settings shortForm() {
            return new Settings(10, 6, 2, 3, Duration.ofMillis(6000), List.of("rag-service"), "kpi-service",
                    Duration.ofMinutes(4), Duration.ofMinutes(20), Duration.ofMinutes(12), 1);
        }
    }

    /** The services a second instance of is started with {@code --instances=2}. */
    static final List<String> SCALED_OUT = List.of("contract-service", "rag-service");

    /**
     * One fault and the platform's recovery from it.
     *
     * @param underLoad   whether the load was still running when it was injected
     * @param injection   how long the fault itself took (a restart's stop and start; the pause)
     * @param ready       from the end of the fault until every service answered ready; null if not within patience
     * @param lagZero     from the end of the fault until every consumer group's lag was zero; null if not within
     */
    record FaultOutcome(String fault, boolean underLoad, Duration injection, Duration ready, Duration lagZero,
                        String note) {
    }

    /** Per topic: its streams and records as {@link TopicAudit.Sequences} says, the poison and copies sent. */
    record TopicFigures(TopicAudit.Sequences sequences, int poisonSent, int poisonOnTopic, int copiesSent,
                        long deadLettered) {
    }

    /** The checks' figures; {@link #problems()} lists every one that is not what it must be. */
    record Figures(int contracts, int acceptedReturns, int acceptedKpiValues, int returnsLostOnKpiTopic,
                   int returnsNotRatedOnTopic, int returnsNotRatedInApi, int stepsAccepted, int stepsUnknownApplied,
                   int stepsUnknownNotApplied, int stepsLost, int stepsDuplicated, int duplicatedEffectsByContent,
                   Map<String, Integer> duplicatedByType, int ratingInputs, int inputsRatedTwice, int inputsNotRated,
                   int contractRatedWithoutInput, int sequenceGaps, int sequenceConflicts, int dashboardMismatches,
                   int historyMismatches, Map<String, Long> lagAtEnd, Duration lagZeroAfterLoad,
                   List<TopicFigures> topics, List<RebuildCheck.Outcome> rebuilds, List<String> examples,
                   List<String> loadFailures) {

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            add(problems, returnsLostOnKpiTopic, "accepted returns missing on kpi.events.v1");
            add(problems, returnsNotRatedOnTopic, "accepted returns not rated on ratings.events.v1");
            add(problems, returnsNotRatedInApi, "accepted returns not rated in rag-service's history");
            add(problems, stepsLost, "accepted steps not on their topic");
            add(problems, stepsDuplicated, "steps on their topic more than once");
            add(problems, duplicatedEffectsByContent, "effects under a second event id");
            add(problems, inputsRatedTwice, "rating inputs with more than one ContractRated");
            add(problems, inputsNotRated, "rating inputs without a ContractRated");
            add(problems, sequenceGaps, "sequence gaps");
            add(problems, sequenceConflicts, "sequence conflicts");
            add(problems, dashboardMismatches, "dashboard rows unlike the topics");
            add(problems, historyMismatches, "rating histories unlike the topics");
            add(problems, loadFailures.size(), "writes refused or given up");
            rebuilds.stream().filter(r -> !r.equal()).forEach(r -> problems.add(r.service() + "'s " + r.readModel()
                    + " unlike its rebuild (" + r.state() + ", " + r.differing() + " of " + r.answers()
                    + " answers differ)"));
            long lag = lagAtEnd.values().stream().mapToLong(Long::longValue).sum();
            if (lag != 0 || lagZeroAfterLoad == null) {
                problems.add("consumer lag at the end " + lagAtEnd);
            }
            return problems;
        }

        private static void add(List<String> problems, long figure, String what) {
            if (figure != 0) {
                problems.add(figure + " " + what);
            }
        }
    }

    record Result(Settings settings, Duration started, Duration loadTook, List<FaultOutcome> faults, Figures figures,
                  FaultLoad load) {
    }

    /**
     * The properties the suite's stack gives every service: the scheduled scans off (they would store events of their
     * own), and a consumer session timeout short enough for a paused service to exceed it soon (heartbeat a third).
     */
    static Map<String, String> serviceProperties(Duration sessionTimeout) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kpi.returns.overdue-scan.enabled", "false");
        properties.put("contract.expiry.enabled", "false");
        properties.put("contract.monitoring.scan-interval", "PT1000H");
        properties.put("rag.notices.overdue-scan.enabled", "false");
        properties.put("spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms",
                String.valueOf(sessionTimeout.toMillis()));
        properties.put("spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms",
                String.valueOf(sessionTimeout.toMillis() / 3));
        return properties;
    }

    public static void main(String[] args) throws Exception {
        Flags flags = new Flags();
        LocalStack.parseOrExit(flags, args);
        StackOptions options = flags.stack.options();
        if (Files.exists(options.dataDir().resolve("kafka"))) {
            throw new IllegalArgumentException("The fault suite needs an empty --data-dir, not " + options.dataDir());
        }
        Settings settings = Settings.of(flags);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (LocalStack stack = new LocalStack(options, serviceProperties(settings.sessionTimeout()))) {
            long t0 = System.nanoTime();
            stack.start(READY_WITHIN);
            Duration started = Duration.ofNanos(System.nanoTime() - t0);
            Result result = run(stack, settings, started);
            String load = String.format("%.1f before the launch, %.1f after the run", loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            String report = report(result, load);
            if (flags.report.getParent() != null) {
                Files.createDirectories(flags.report.getParent());
            }
            Files.writeString(flags.report, report);
            System.out.println(report);
            if (!result.figures().problems().isEmpty()) {
                System.exit(1);
            }
        }
    }

    /** Runs the load and the faults on a started stack, waits for quiescence and checks. */
    static Result run(LocalStack stack, Settings settings, Duration started) throws Exception {
        if (settings.instances() > 1) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            int next = SECOND_INSTANCE_PORTS;
            for (String service : SCALED_OUT) {
                next = freePort(next);
                ports.put(service, next++);
            }
            System.out.println("Second instances: " + stack.startOtherInstances(ports, READY_WITHIN) + " on " + ports);
        }
        GatewayClient client = new GatewayClient(stack.demoLoader());
        FaultLoad load = new FaultLoad(client, stack.gatewayUrl(), settings.months(), settings.rate());
        load.registerContracts(settings.contracts());
        openDeepDiveProgramme(client, stack.gatewayUrl(), load.contracts());
        String brokers = stack.kafka().bootstrapServers();

        List<Fault> faults = faults(stack, settings, load);
        List<FaultOutcome> outcomes = new ArrayList<>();
        long loadStart = System.nanoTime();
        Thread loadThread = new Thread(() -> {
            try {
                load.run(settings.threads());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fault-load");
        // the load is cut into a share before the first fault and one share during and after each fault
        int shares = faults.size() + 1;
        load.allow(load.totalReturns() / shares);
        loadThread.start();
        try (ConsumerLag lag = new ConsumerLag(brokers)) {
            for (int i = 0; i < faults.size(); i++) {
                int due = load.totalReturns() * (i + 1) / shares;
                while (load.progress() < due && !load.finished()) {
                    Thread.sleep(200);
                }
                load.allow(load.totalReturns() * (i + 2) / shares);
                outcomes.add(inject(stack, lag, faults.get(i), load, settings.patience()));
            }
            loadThread.join();
            Duration loadTook = Duration.ofNanos(System.nanoTime() - loadStart);
            // the backlog a long load leaves may take longer than a fault's recovery is given
            Duration lagZeroAfterLoad = quiescence(lag, brokers, settings.quiescence());
            Figures figures = check(stack, load, faults, lag.now(), lagZeroAfterLoad,
                    new RebuildCheck(stack, settings.rebuild()));
            return new Result(settings, started, loadTook, outcomes, figures, load);
        }
    }

    private static void openDeepDiveProgramme(GatewayClient client, String gateway, List<String> contracts)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (String id : contracts) {
            if (!client.awaitOk(gateway + "/api/deepdives/contracts/" + id, deadline)) {
                throw new IllegalStateException("deepdive-service did not learn contract " + id + " in time");
            }
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        // sent again while unanswered: a second opening is 409 programme-opened-once
        for (int attempt = 1; ; attempt++) {
            try {
                var opened = client.send("POST", gateway + "/api/deepdives/programmes/" + year, null);
                if (opened.statusCode() == 201 || opened.statusCode() == 409) {
                    return;
                }
                if (opened.statusCode() < 500 || attempt >= 10) {
                    throw new IllegalStateException("Deep-dive programme " + year + " not opened: "
                            + opened.statusCode() + " " + opened.body());
                }
            } catch (IOException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
            Thread.sleep(1000);
        }
    }

    /** A fault: its name in the report and what injects it (returning a note, or null). */
    record Fault(String name, FaultAction action, int[] sent) {

        Fault(String name, FaultAction action) {
            this(name, action, new int[4]);
        }
    }

    @FunctionalInterface
    interface FaultAction {
        String inject() throws Exception;
    }

    private static List<Fault> faults(LocalStack stack, Settings settings, FaultLoad load) {
        List<Fault> faults = new ArrayList<>();
        String brokers = stack.kafka().bootstrapServers();
        faults.add(new Fault("Kafka broker restarted (stopped, started on the same port with the same data)", () -> {
            stack.restartKafka();
            return null;
        }));
        for (String service : settings.killed()) {
            faults.add(new Fault("kill -9 of " + service + ", then started again", () -> {
                stack.kill(service);
                stack.restart(service, READY_WITHIN);
                return null;
            }));
        }
        faults.add(new Fault("MongoDB server restarted (stopped, started on the same port with the same file)", () -> {
            stack.restartMongo();
            return null;
        }));
        Duration pause = settings.sessionTimeout().plusSeconds(5);
        faults.add(new Fault(settings.paused() + " frozen with SIGSTOP for " + pause.toSeconds()
                + " s (session timeout " + settings.sessionTimeout().toSeconds() + " s), then SIGCONT", () -> {
            stack.pause(settings.paused());
            try {
                Thread.sleep(pause.toMillis());
            } finally {
                stack.resume(settings.paused());
            }
            return null;
        }));
        Fault poison = new Fault("poison records on every event topic (not JSON, truncated JSON, an envelope "
                + "without sequence, another source, no value)", null);
        faults.add(new Fault(poison.name(), () -> producePoison(brokers, load.contracts(), poison.sent()),
                poison.sent()));
        Fault copies = new Fault("duplicated records: copies of records already on every event topic", null);
        faults.add(new Fault(copies.name(), () -> produceCopies(brokers, load.contracts(), copies.sent()),
                copies.sent()));
        return faults;
    }

    private static FaultOutcome inject(LocalStack stack, ConsumerLag lag, Fault fault, FaultLoad load,
                                       Duration patience) throws Exception {
        boolean underLoad = !load.finished();
        System.out.println("Fault: " + fault.name() + (underLoad ? " (load at " + load.progress() + " of "
                + load.totalReturns() + " returns)" : " (after the load)"));
        long t0 = System.nanoTime();
        String note = fault.action().inject();
        long t1 = System.nanoTime();
        Duration ready = null;
        long deadline = t1 + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (stack.serviceNames().stream().allMatch(stack::isReady)) {
                ready = Duration.ofNanos(System.nanoTime() - t1);
                break;
            }
            Thread.sleep(250);
        }
        Duration lagZero = lag.awaitZero(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (lagZero != null) {
            lagZero = Duration.ofNanos(System.nanoTime() - t1);
        }
        return new FaultOutcome(fault.name(), underLoad, Duration.ofNanos(t1 - t0), ready, lagZero, note);
    }

    private static KafkaProducer<byte[], byte[]> producer(String brokers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Five poison records per topic, keyed by one of the load's contracts (so they share its partition). */
    static String producePoison(String brokers, List<String> contracts, int[] sent) throws Exception {
        int t = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer(brokers)) {
            for (var topic : TopicAudit.OWNERS.entrySet()) {
                String contract = contracts.get(t % contracts.size());
                byte[] key = contract.getBytes(StandardCharsets.UTF_8);
                String owner = topic.getValue();
                List<byte[]> values = new ArrayList<>();
                values.add(new byte[] {(byte) 0xff, 0x00, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'});
                values.add(("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"" + owner)
                        .getBytes(StandardCharsets.UTF_8));
                values.add(("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"" + owner
                        + "\",\"type\":\"org.commissioning.poison.Unknown.v1\",\"subject\":\"" + contract
                        + "\",\"time\":\"" + Instant.now() + "\",\"data\":{\"contractId\":42}}")
                        .getBytes(StandardCharsets.UTF_8));
                values.add(("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                        + "\",\"source\":\"/fault-suite\",\"type\":\"org.commissioning.poison.Unknown.v1\","
                        + "\"subject\":\"" + contract + "\",\"time\":\"" + Instant.now() + "\",\"sequence\":1,"
                        + "\"actor\":\"fault-suite\",\"data\":{}}").getBytes(StandardCharsets.UTF_8));
                values.add(null);
                for (byte[] value : values) {
                    producer.send(new ProducerRecord<>(topic.getKey(), key, value)).get(30, TimeUnit.SECONDS);
                }
                sent[t++] = values.size();
            }
        }
        return null;
    }

    /**
     * Copies of up to 10 events of each topic (of the load's first contracts; poison left aside), key, value and
     * headers as they were.
     */
    static String produceCopies(String brokers, List<String> contracts, int[] sent) throws Exception {
        int t = 0;
        List<String> notes = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(brokers)) {
            for (String topic : TopicAudit.OWNERS.keySet()) {
                int copied = 0;
                for (int c = 0; c < Math.min(2, contracts.size()) && copied < 10; c++) {
                    for (ConsumerRecord<byte[], byte[]> r : TopicReader.recordsWithKey(brokers, topic,
                            contracts.get(c), 1, Duration.ofSeconds(20))) {
                        if (copied >= 10 || TopicAudit.parse(r) == null) {
                            continue;
                        }
                        producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers()))
                                .get(30, TimeUnit.SECONDS);
                        copied++;
                    }
                }
                sent[t++] = copied;
                if (copied == 0) {
                    notes.add(topic + ": no record of the load's contracts to copy");
                }
            }
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /**
     * Waits until every consumer group's lag is zero and the event topics' end offsets have not moved for 5 s (the
     * relays have nothing left to publish), lag zero again.
     *
     * @return from the end of the load until the lag was first zero; null when not within patience
     */
    private static Duration quiescence(ConsumerLag lag, String brokers, Duration patience) throws Exception {
        long start = System.nanoTime();
        Duration first = lag.awaitZero(patience);
        if (first == null) {
            return null;
        }
        long deadline = start + patience.toNanos();
        long ends = endOffsets(brokers);
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = endOffsets(brokers);
            if (now != ends || lag.total() != 0) {
                ends = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(5)) {
                break;
            }
        }
        return first;
    }

    /** The sum of the end offsets of the event topics, or, with {@code prefix}, of the topics whose name has it. */
    private static long endOffsets(String brokers) throws Exception {
        return endOffsets(brokers, null).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> endOffsets(String brokers, String prefix) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Set<String> topics = prefix == null ? TopicAudit.OWNERS.keySet()
                    : admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            var described = topics.isEmpty() ? Map.<String, org.apache.kafka.clients.admin.TopicDescription>of()
                    : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            described.forEach((name, d) -> d.partitions().forEach(p ->
                    latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new TreeMap<>();
            if (!latest.isEmpty()) {
                admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                        .forEach((p, info) -> ends.merge(p.topic(), info.offset(), Long::sum));
            }
            return ends;
        }
    }

    private static Figures check(LocalStack stack, FaultLoad load, List<Fault> faults, Map<String, Long> lagAtEnd,
                                 Duration lagZeroAfterLoad, RebuildCheck rebuildCheck) throws Exception {
        String brokers = stack.kafka().bootstrapServers();
        TopicAudit audit = TopicAudit.read(brokers, TopicAudit.OWNERS.keySet());
        Set<String> ours = Set.copyOf(load.contracts());
        List<String> examples = new ArrayList<>();

        // every accepted return: its KPI values on kpi.events.v1, rated on ratings.events.v1 and in the history
        Set<String> submitted = audit.distinct(TopicAudit.KPI, "KpiSubmitted").stream()
                .map(e -> e.subject() + "|" + e.period() + "|" + e.data().path("kpiCode").asText())
                .collect(Collectors.toSet());
        Set<String> kpiRated = audit.distinct(TopicAudit.RATINGS, "KpiRated").stream()
                .map(e -> e.subject() + "|" + e.period() + "|" + e.data().path("kpiCode").asText())
                .collect(Collectors.toSet());
        Map<String, TopicAudit.Event> lastContractRated = new HashMap<>();
        audit.distinct(TopicAudit.RATINGS, "ContractRated")
                .forEach(e -> lastContractRated.put(e.subject() + "|" + e.period(), e));
        int lostOnKpi = 0;
        int notRatedOnTopic = 0;
        int notRatedInApi = 0;
        Map<String, JsonNode> histories = new HashMap<>();
        for (String id : load.contracts()) {
            histories.put(id, load.get("/api/ratings/contracts/" + id + "/ratings"));
        }
        int values = 0;
        for (FaultLoad.AcceptedReturn r : load.accepted()) {
            values += r.values().size();
            String month = r.contractId() + "|" + r.period();
            if (!r.values().keySet().stream().allMatch(code -> submitted.contains(month + "|" + code))) {
                lostOnKpi++;
                example(examples, "return " + month + " not all on kpi.events.v1");
            }
            TopicAudit.Event rated = lastContractRated.get(month);
            if (!r.values().keySet().stream().allMatch(code -> kpiRated.contains(month + "|" + code))
                    || rated == null || "NOT_RATED".equals(rated.data().path("rating").asText())) {
                notRatedOnTopic++;
                example(examples, "return " + month + " not rated on ratings.events.v1 (last ContractRated "
                        + (rated == null ? "none" : rated.data()) + ")");
            }
            JsonNode period = null;
            for (JsonNode p : histories.get(r.contractId()).path("periods")) {
                if (p.path("period").asText().equals(r.period().toString())) {
                    period = p;
                }
            }
            if (period == null || !period.path("missingHeadlines").isEmpty()
                    || "NOT_RATED".equals(period.path("rating").asText())) {
                notRatedInApi++;
                example(examples, "return " + month + " not rated in rag-service's history: " + period);
            }
        }

        // the steps: each accepted one on its topic exactly once; an unknown one at most once
        int stepsAccepted = 0;
        int unknownApplied = 0;
        int unknownNotApplied = 0;
        int stepsLost = 0;
        int stepsDuplicated = 0;
        for (FaultLoad.Step step : load.steps()) {
            String topic = step.kind() == FaultLoad.StepKind.OVERRIDE ? TopicAudit.RATINGS : TopicAudit.CONTRACTS;
            String type = switch (step.kind()) {
                case OVERRIDE -> "RagOverridden";
                case WARNING -> "ContractWarningIssued";
                case PLAN_START -> "PlanStarted";
                case PLAN_CLOSE -> "PlanClosed";
            };
            long found = audit.distinct(topic, type).stream()
                    .filter(e -> e.subject().equals(step.contractId()) && e.data().toString().contains(step.marker()))
                    .count();
            if (found > 1) {
                stepsDuplicated++;
                example(examples, step.kind() + " " + step.marker() + " on " + topic + " " + found + " times");
            }
            switch (step.outcome()) {
                case "ACCEPTED" -> {
                    stepsAccepted++;
                    if (found == 0) {
                        stepsLost++;
                        example(examples, step.kind() + " " + step.marker() + " accepted, not on " + topic);
                    }
                }
                case "UNKNOWN" -> {
                    if (found == 0) {
                        unknownNotApplied++;
                    } else {
                        unknownApplied++;
                    }
                }
                default -> { }
            }
        }

        // effects twice: the same content under a new event id; a rating input rated more than once
        Map<String, Integer> duplicatedByType = new TreeMap<>();
        ONCE_PER_CONTENT.forEach((topic, types) -> types.forEach(type -> duplicatedByType.put(type,
                audit.sameContentUnderNewIds(topic, type, e -> ours.contains(e.subject())))));
        int duplicatedEffects = duplicatedByType.values().stream().mapToInt(Integer::intValue).sum();
        int inputs = 0;
        int ratedTwice = 0;
        int notRated = 0;
        int withoutInput = 0;
        for (String id : load.contracts()) {
            for (var input : audit.contractRatedByInput(id).entrySet()) {
                if (input.getKey().equals("none")) {
                    withoutInput += input.getValue().size();
                    continue;
                }
                inputs++;
                if (input.getValue().size() > 1) {
                    ratedTwice++;
                    example(examples, id + ": input " + input.getKey() + " rated by " + input.getValue());
                } else if (input.getValue().isEmpty()) {
                    notRated++;
                    example(examples, id + ": input " + input.getKey() + " has no ContractRated");
                }
            }
        }

        // the streams of every topic
        Map<String, Long> deadLetters = endOffsets(brokers, "error.");
        List<TopicFigures> topics = new ArrayList<>();
        int t = 0;
        Fault poison = faults.stream().filter(f -> f.name().startsWith("poison")).findFirst().orElseThrow();
        Fault copies = faults.stream().filter(f -> f.name().startsWith("duplicated")).findFirst().orElseThrow();
        int gaps = 0;
        int conflicts = 0;
        for (String topic : TopicAudit.OWNERS.keySet()) {
            TopicAudit.Sequences sequences = audit.sequences(topic);
            gaps += sequences.gaps();
            conflicts += sequences.conflicts();
            sequences.examples().forEach(e -> example(examples, topic + ": " + e));
            long dead = deadLetters.entrySet().stream().filter(d -> d.getKey().startsWith("error." + topic + "."))
                    .mapToLong(Map.Entry::getValue).sum();
            topics.add(new TopicFigures(sequences, poison.sent()[t], audit.poison(topic), copies.sent()[t], dead));
            t++;
        }

        // the gateway's dashboard and rag-service's histories against the topics
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : load.get("/api/dashboard/contracts")) {
            rows.put(row.path("id").asText(), row);
        }
        int dashboardMismatches = 0;
        int historyMismatches = 0;
        for (String id : load.contracts()) {
            List<TopicAudit.Event> ratings = audit.distinct(TopicAudit.RATINGS, null).stream()
                    .filter(e -> e.subject().equals(id)).toList();
            String lastRag = ratings.stream().filter(e -> e.type().equals("RagChanged"))
                    .reduce((a, b) -> b).map(e -> e.data().path("to").asText()).orElse(null);
            long lastRatingSequence = ratings.stream().mapToLong(TopicAudit.Event::sequence).max().orElse(0);
            JsonNode row = rows.get(id);
            String rowRag = row == null || row.path("rag").isNull() ? null : row.path("rag").asText();
            if (row == null || !java.util.Objects.equals(rowRag, lastRag)
                    || row.path("lastRatingSequence").asLong() != lastRatingSequence) {
                dashboardMismatches++;
                example(examples, "dashboard " + id + ": rag " + rowRag + " lastRatingSequence "
                        + (row == null ? "-" : row.path("lastRatingSequence")) + "; on the topic: rag " + lastRag
                        + ", last sequence " + lastRatingSequence);
            }
            List<String> onTopic = ratings.stream().filter(e -> e.type().equals("ContractRated"))
                    .map(e -> e.period() + " " + e.data().path("rating").asText()).toList();
            List<String> inHistory = new ArrayList<>();
            histories.get(id).path("ratings").forEach(r -> inHistory.add(r.path("period").asText() + " "
                    + r.path("rating").asText()));
            if (!onTopic.equals(inHistory)) {
                historyMismatches++;
                example(examples, "history " + id + ": " + inHistory + " on the topic " + onTopic);
            }
        }
        return new Figures(load.contracts().size(), load.accepted().size(), values, lostOnKpi, notRatedOnTopic,
                notRatedInApi, stepsAccepted, unknownApplied, unknownNotApplied, stepsLost, stepsDuplicated,
                duplicatedEffects, duplicatedByType, inputs, ratedTwice, notRated, withoutInput, gaps, conflicts,
                dashboardMismatches, historyMismatches, lagAtEnd, lagZeroAfterLoad, topics, rebuildCheck.run(load),
                examples, load.failures());
    }

    /** Where the search for the second instances' ports starts: below Linux's ephemeral range. */
    private static final int SECOND_INSTANCE_PORTS = 28_100;

    private static int freePort(int from) {
        for (int port = from; port < 32_000; port++) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(port)) {
                return port;
            } catch (IOException e) {
                // taken: the next
            }
        }
        throw new IllegalStateException("No free port from " + from);
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 30) {
            examples.add(example);
        }
    }

    private static String seconds(Duration d) {
        return d == null ? "not within patience" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    static String report(Result result, String load) {
        Settings s = result.settings();
        Figures f = result.figures();
        StringBuilder md = new StringBuilder("# Fault suite\n\n");
        md.append("Run ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version"))
                .append(", system load average (1 min) ").append(load)
                .append(". Embedded stack (in-process Kafka, mongo-java-server); started in ")
                .append(seconds(result.started())).append(".\n\n")
                .append("Load: ").append(s.contracts()).append(" contracts, ").append(s.months())
                .append(" monthly returns each with 3 KPI values, from ").append(s.threads()).append(" client threads at ")
                .append(s.rate() <= 0 ? "full speed" : s.rate() + " returns/s").append(", through the gateway; ")
                .append("took ").append(seconds(result.loadTook())).append(". Consumer session timeout ")
                .append(s.sessionTimeout().toSeconds()).append(" s. ")
                .append(s.instances() > 1 ? "Two instances each of " + SCALED_OUT + " (the faults strike the first). "
                        : "One instance of each service. ")
                .append(result.load().retries()).append(" failed attempts retried ")
                .append(result.load().failedAttemptsByCause()).append(".\n\n");
        md.append("## Faults and recovery\n\nTimes from the end of each fault (a restart's start done, a pause's "
                + "SIGCONT, the records sent): until every service answered ready, and until every consumer "
                + "group's lag was zero (sampled every 500 ms). A fault's recovery is awaited "
                + s.patience().toSeconds() + " s (the load goes on meanwhile); after the load the suite waits up to "
                + s.quiescence().toSeconds() + " s for every lag to be zero and the topics still before it checks, "
                + "and up to " + s.rebuild().toSeconds() + " s for each rebuild.\n\n")
                .append("| fault | under load | fault took | all ready after | lag zero after | note |\n"
                        + "|---|---|---|---|---|---|\n");
        for (FaultOutcome o : result.faults()) {
            md.append("| ").append(o.fault()).append(" | ").append(o.underLoad() ? "yes" : "no").append(" | ")
                    .append(seconds(o.injection())).append(" | ").append(seconds(o.ready())).append(" | ")
                    .append(seconds(o.lagZero())).append(" | ").append(o.note() == null ? "" : o.note())
                    .append(" |\n");
        }
        md.append("| (the load ended) | | | | ").append(seconds(f.lagZeroAfterLoad())).append(" | |\n\n");
        md.append("## Checks after quiescence\n\n| check | figure | must be |\n|---|---|---|\n")
                .append(row("returns accepted (2xx, or 409 on a retry and found stored)", f.acceptedReturns(), "> 0"))
                .append(row("KPI values accepted", f.acceptedKpiValues(), ""))
                .append(row("accepted returns lost on kpi.events.v1 (a KpiSubmitted per value)", f.returnsLostOnKpiTopic(), "0"))
                .append(row("accepted returns not rated on ratings.events.v1 (KpiRated per value, last ContractRated of the month rated)", f.returnsNotRatedOnTopic(), "0"))
                .append(row("accepted returns not rated in rag-service's history (through the gateway)", f.returnsNotRatedInApi(), "0"))
                .append(row("overrides, warnings, plans accepted (2xx)", f.stepsAccepted(), ""))
                .append(row("... of them not on their topic", f.stepsLost(), "0"))
                .append(row("steps without an answer (fault), found applied / not applied", f.stepsUnknownApplied()
                        + " / " + f.stepsUnknownNotApplied(), ""))
                .append(row("steps on their topic more than once", f.stepsDuplicated(), "0"))
                .append(row("effects under a second event id (same content) " + f.duplicatedByType(), f.duplicatedEffectsByContent(), "0"))
                .append(row("rating inputs (KpiRated, RagOverridden)", f.ratingInputs(), ""))
                .append(row("... rated more than once (ContractRated by event id)", f.inputsRatedTwice(), "0"))
                .append(row("... not rated", f.inputsNotRated(), "0"))
                .append(row("sequence gaps, all topics", f.sequenceGaps(), "0"))
                .append(row("sequence conflicts (two event ids, one sequence)", f.sequenceConflicts(), "0"))
                .append(row("dashboard rows unlike ratings.events.v1 (rag: the last RagChanged; lastRatingSequence)", f.dashboardMismatches(), "0"))
                .append(row("rating histories unlike the ContractRated on the topic", f.historyMismatches(), "0"))
                .append(row("consumer lag at the end, per group", f.lagAtEnd().toString(), "all 0"))
                .append(row("writes refused or given up", f.loadFailures().size(), "0"))
                .append("\n## Topics\n\n| topic | streams | records | events | duplicate records (copies sent) | gaps "
                        + "| conflicts | poison on topic (sent) | dead-lettered (error.*) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (TopicFigures t : f.topics()) {
            TopicAudit.Sequences q = t.sequences();
            md.append("| ").append(q.topic()).append(" | ").append(q.streams()).append(" | ").append(q.records())
                    .append(" | ").append(q.events()).append(" | ").append(q.duplicateRecords()).append(" (")
                    .append(t.copiesSent()).append(") | ").append(q.gaps()).append(" | ").append(q.conflicts())
                    .append(" | ").append(t.poisonOnTopic()).append(" (").append(t.poisonSent()).append(") | ")
                    .append(t.deadLettered()).append(" |\n");
        }
        md.append("\n## Projections against their rebuild\n\nAfter the checks above, every read model an operator "
                + "can rebuild (`GET /actuator/rebuild` of each service) rebuilt from scratch (`POST /actuator/rebuild`:"
                + " into a new collection while the old one serves, then switched), and what the platform answers "
                + "from it through the gateway for the load's contracts compared with its answers before.\n\n"
                + "| service | read model | rebuild | read | took | rate | answers compared | differing |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (RebuildCheck.Outcome r : f.rebuilds()) {
            md.append("| ").append(r.service()).append(" | ").append(r.readModel()).append(" | ").append(r.state())
                    .append(" | ").append(r.events()).append(" | ").append(seconds(r.took())).append(" | ")
                    .append(String.format("%.0f/s", r.eventsPerSecond())).append(" | ").append(r.answers())
                    .append(" | ").append(r.differing()).append(" |\n");
        }
        f.rebuilds().forEach(r -> r.examples().forEach(e -> md.append("\n- ").append(r.readModel()).append(": ")
                .append(e)));
        List<String> problems = f.problems();
        md.append("\n**Verdict:** ").append(problems.isEmpty() ? "nothing lost, nothing doubled, streams complete, "
                + "lag zero, projections equal to their rebuild." : String.join("; ", problems)).append("\n");
        if (!f.examples().isEmpty() || !f.loadFailures().isEmpty()) {
            md.append("\nExamples:\n\n");
            f.examples().forEach(e -> md.append("- ").append(e).append("\n"));
            f.loadFailures().stream().limit(20).forEach(e -> md.append("- ").append(e).append("\n"));
        }
        return md.toString();
    }

    private static String row(String check, Object figure, String expected) {
        return "| " + check + " | " + figure + " | " + expected + " |\n";
    }
}
