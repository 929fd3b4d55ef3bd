package org.commissioning.stack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures the local stack's targets and writes a Markdown report:
 * time from launch to every service ready (target: 60 s on 2 cores), time from a registration through the
 * gateway until the contract is on the dashboard (target: 1 s), "return to cadence": time from a monthly KPI return
 * through the gateway until its KpiRated, ContractRated and RagChanged are on {@value #RATINGS_TOPIC} and
 * contract-service's new monitoring cadence shows through the gateway (target: 2 s, issue 5), the web pages' times
 * (the overview and the contract page, p50/p95/p99, with 1,000 contracts on the dashboard: {@link PageTimings}), and
 * each service's resident memory. Run with {@code bench/run.sh}; the numbers are for the embedded stack on this machine, not for
 * MongoDB.
 */
public final class PlatformBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The topics as {@code org.commissioning.events.Topics} names them (that module is not on this classpath). */
    static final String RATINGS_TOPIC = "ratings.events.v1";
    static final String KPI_TOPIC = "kpi.events.v1";
    /** The one KPI of the benchmark contracts' framework: 004's triage KPI with its corrected bands. */
    public static final String KPI_CODE = "CALLS-TRIAGED-24H";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The benchmark's client, the demo loader's officer (set once the stack's issuer is up). */
    private static GatewayClient CLIENT = new GatewayClient(ClientCredentials.NONE);

    private PlatformBenchmark() {
    }

    /** The benchmark's flags: the launcher's and its own. */
    @Command(name = "bench/run.sh", sortOptions = false, showDefaultValues = true,
            description = "Starts the local stack on an empty --data-dir and measures it.")
    static final class Flags {
        @Mixin
        StackOptions.Flags stack = new StackOptions.Flags();
        @Option(names = "--report", paramLabel = "FILE", description = "where the Markdown report is written")
        Path report = Path.of("bench/REPORT.md");
        @Option(names = "--no-warm-start", description = "time the first launch after a build; without this the stack is first started and stopped once on a scratch data directory, as a user's earlier run would, so the timed launch finds the services' class-data archives (written when a freshly built service stops) as after ./run-local.sh --no-build, and the first launch's time is reported beside it")
        boolean noWarmStart;
        @Option(names = "--samples", paramLabel = "N", description = "registrations timed to the dashboard")
        int samples = 30;
        @Option(names = "--rating-samples", paramLabel = "N", description = "contracts timed from a return to their cadence (two returns each)")
        int ratingSamples = 10;
        @Option(names = "--page-contracts", paramLabel = "N", description = "contracts on the dashboard (registered up to this number) when the web pages are timed")
        int pageContracts = 1000;
        @Option(names = "--page-samples", paramLabel = "N", description = "requests timed per web page")
        int pageSamples = 200;
        @Option(names = "--raw-documents", paramLabel = "N", description = "documents appended to measure the store's raw append rate")
        int rawDocuments = 20_000;
        @Option(names = "--raw-records", paramLabel = "N", description = "records produced and consumed to measure the broker's raw rates")
        int rawRecords = 50_000;
        @Option(names = "--pipeline-contracts", paramLabel = "N", description = "contracts whose monthly returns measure the pipeline's throughput (0: not measured)")
        int pipelineContracts = 1000;
        @Option(names = "--pipeline-months", paramLabel = "N", description = "monthly returns per contract, each of three KPI values")
        int pipelineMonths = 12;
        @Option(names = "--pipeline-clients", paramLabel = "N", description = "concurrent clients submitting the returns")
        int pipelineClients = 4;
        @Option(names = "--paced-share", paramLabel = "X", description = "share of the pipeline's measured return rate at which fresh contracts' returns are then sent steadily to time return to rating under a sustained load (0: not measured)")
        double pacedShare = 0.5;
        @Option(names = "--paced-contracts", paramLabel = "N", description = "contracts whose returns are sent at that steady rate")
        int pacedContracts = 100;
        @Option(names = "--paced-months", paramLabel = "N", description = "monthly returns per contract at that steady rate")
        int pacedMonths = 4;
        @Option(names = "--audit-years", paramLabel = "N", description = "years of monthly returns of the contract the auditor's reads are timed on (0: not measured)")
        int auditYears = 5;
        @Option(names = "--audit-samples", paramLabel = "N", description = "requests timed per auditor read (and raw reads)")
        int auditSamples = 200;
        @Option(names = "--scale-contracts", paramLabel = "N,N,...", description = "contracts in the store at each point of the scale curve, in increasing order (empty: not measured); points up to --page-contracts are measured before the pages, the rest after the pipeline")
        String scaleContracts = "100,1000,10000";
        @Option(names = "--scale-probe-contracts", paramLabel = "N", description = "new contracts whose returns are timed at each point of the scale curve")
        int scaleProbeContracts = 50;
        @Option(names = "--scale-probe-months", paramLabel = "N", description = "monthly returns per probe contract, each of three KPI values")
        int scaleProbeMonths = 4;
        @Option(names = "--scale-audit-years", paramLabel = "N", description = "years of monthly returns of the contract whose history is read at each point")
        int scaleAuditYears = 2;
    }

    public static void main(String[] args) throws Exception {
        Flags flags = new Flags();
        LocalStack.parseOrExit(flags, args);
        Path report = flags.report;
        int samples = flags.samples;
        int ratingSamples = flags.ratingSamples;
        StackOptions options = flags.stack.options();
        if (Files.exists(options.dataDir().resolve("kafka"))) {
            throw new IllegalArgumentException("The benchmark needs an empty --data-dir, not " + options.dataDir());
        }

        Duration firstLaunch = flags.noWarmStart ? null : firstLaunch(options);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (LocalStack stack = new LocalStack(options)) {
            long t0 = System.nanoTime();
            stack.start();
            Duration ready = Duration.ofNanos(System.nanoTime() - t0);
            // a run with a service missing would wait for ratings that never come, or measure a smaller stack
            stack.whenAServiceStopsOnItsOwn(crash -> {
                progress("stopped, because a service did: %s", crash);
                stack.close();
                System.exit(1);
            });
            progress("ready in %.1f s (first launch: %s)", ready.toMillis() / 1000.0,
                    firstLaunch == null ? "not timed" : String.format(Locale.ROOT, "%.1f s", firstLaunch.toMillis() / 1000.0));
            CLIENT = new GatewayClient(stack.demoLoader());
            long t1 = System.nanoTime();
            String demo = stack.loadDemoData();
            Duration demoLoad = Duration.ofNanos(System.nanoTime() - t1);

            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                latencies.add(registrationToDashboardMillis(stack.gatewayUrl(), i));
            }
            List<RatingFlow> flows = ratingFlows(stack, ratingSamples);
            List<Integer> sizes = ScaleCurve.sizes(flags.scaleContracts);
            ScaleCurve curve = sizes.isEmpty() ? null : ScaleCurve.start(stack, CLIENT, flags.scaleProbeContracts,
                    flags.scaleProbeMonths, flags.pipelineClients, flags.scaleAuditYears, Math.min(100, flags.auditSamples));
            for (int size : sizes) {
                if (size <= flags.pageContracts) {
                    scalePoint(curve.pointAt(size));
                }
            }
            PageTimings.Result pages = PageTimings.measure(stack, CLIENT, flags.pageContracts, flags.pageSamples);
            PipelineThroughput.Result pipeline = flags.pipelineContracts <= 0 ? null
                    : PipelineThroughput.measure(stack, CLIENT, flags.pipelineContracts, flags.pipelineMonths,
                    flags.pipelineClients);
            if (pipeline != null) {
                progress("pipeline: %d values in %.0f s, %.1f values/s, %.2f writes and %.2f commands per value, "
                                + "%.1f ms CPU per value", pipeline.values(), pipeline.seconds(), pipeline.valuesPerSecond(),
                        pipeline.writesPerValue(), pipeline.commandsPerValue(), pipeline.cpuMillisPerValue());
            }
            PipelineThroughput.Result paced = pipeline == null || flags.pacedShare <= 0 || flags.pacedContracts <= 0
                    ? null : PipelineThroughput.measure(stack, CLIENT, flags.pacedContracts, flags.pacedMonths,
                    flags.pipelineClients, pipeline.returnsPerSecond() * flags.pacedShare, "Paced Provider");
            if (paced != null) {
                progress("sustained load: return to ContractRated p99 %d ms at %.2f returns/s",
                        Latencies.of(paced.latenciesMillis()).percentile(99), paced.pacedReturnsPerSecond());
            }
            List<RebuildCheck.Outcome> rebuilds = List.of(
                    new RebuildCheck(stack, Duration.ofMinutes(30)).rebuild("rag-service", "rating_history"),
                    new RebuildCheck(stack, Duration.ofMinutes(30)).rebuild("gateway", "dashboard_contracts"));
            rebuilds.forEach(r -> progress("rebuild of %s's %s: %s, %.0f/s", r.service(), r.readModel(), r.state(),
                    r.eventsPerSecond()));
            AuditorReads.Result audit = flags.auditYears <= 0 ? null
                    : AuditorReads.measure(stack, CLIENT, flags.auditYears, flags.auditSamples);
            for (int size : sizes) {
                if (size > flags.pageContracts) {
                    scalePoint(curve.pointAt(size));
                }
            }
            ScaleCurve.Result scale = curve == null ? null : curve.result();
            List<RawLimits.Rate> raw = rawLimits(stack, flags);
            Map<String, Long> memory = stack.residentMemoryMib();
            memory.put("launcher (Kafka, MongoDB, issuer and this harness)", ServiceProcess.residentMemoryMib(
                    ProcessHandle.current().pid()));
            String load = String.format("%.1f before the launch, %.1f after the run", loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            write(report, ready, firstLaunch, demo, demoLoad, latencies, flows, pages, pipeline, paced, rebuilds, audit,
                    scale, raw, memory, load);
            System.out.println(Files.readString(report));
        }
    }

    private static void scalePoint(ScaleCurve.Point point) {
        progress("scale curve: %,d contracts, %,d stored events: %.1f ms CPU per value, rating history p99 %d ms",
                point.contracts(), point.storedEvents(), point.probe().cpuMillisPerValue(), point.history().p99());
    }

    /** A phase's figures as it ends, so a run stopped early still shows what it measured. */
    private static void progress(String format, Object... args) {
        System.out.println(Instant.now() + " bench: " + String.format(Locale.ROOT, format, args));
    }

    /**
     * Starts the stack on a scratch data directory beside {@code options}' and stops it: the time it took to be ready
     * (with no class-data archive, as the first run after a build) and, as it stops, the archives it leaves.
     */
    private static Duration firstLaunch(StackOptions options) throws Exception {
        Path scratch = options.dataDir().resolveSibling(options.dataDir().getFileName() + "-first-launch");
        try (LocalStack first = new LocalStack(options.withDataDir(scratch))) {
            long t0 = System.nanoTime();
            first.start();
            return Duration.ofNanos(System.nanoTime() - t0);
        }
    }

    static final String RAW_LIMITS_SECTION = "Raw limits (issue 16): measured after the rest, on the same MongoDB "
            + "server and Kafka broker in the same run, with documents and records of the average size of the stack's "
            + "own stored events (`domainevents` of the four services) and CloudEvents (the four topics): "
            + "acknowledged single-document inserts from 4 threads and one cursor reading them back, in a database of "
            + "their own; records produced with `acks=all` and idempotence (as the relay sends), all sent before "
            + "waiting, and one consumer reading them from the beginning, on a topic of their own. The pipeline's "
            + "figures are to be read as shares of these.\n\n";

    static List<RawLimits.Rate> rawLimits(LocalStack stack, Flags flags) throws Exception {
        int eventBytes = RawLimits.storedEventBytes(stack.mongoUri(),
                List.of("contracts", "kpi", "ratings", "deepdives"), 500);
        int recordBytes = RawLimits.recordBytes(stack.kafka().bootstrapServers(),
                List.of("contracts.events.v1", "kpi.events.v1", "ratings.events.v1", "deepdives.events.v1"), 500);
        List<RawLimits.Rate> rates = new ArrayList<>(RawLimits.store(stack.mongoUri(), flags.rawDocuments,
                eventBytes, 4));
        rates.addAll(RawLimits.broker(stack.kafka().bootstrapServers(), flags.rawRecords, recordBytes));
        return rates;
    }

    private static long registrationToDashboardMillis(String gateway, int i) throws IOException, InterruptedException {
        String body = """
                {"provider":"Benchmark Provider %d","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Dover"]}}"""
                .formatted(i);
        long start = System.nanoTime();
        HttpResponse<String> created = CLIENT.send("POST", gateway + "/api/contracts", body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Registration failed: " + created.statusCode() + " " + created.body());
        }
        String id = JSON.readTree(created.body()).get("contractId").asText();
        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> dashboard = CLIENT.send("GET",
                    gateway + "/api/dashboard/contracts?provider=Benchmark%20Provider%20" + i, null);
            if (dashboard.body().contains(id)) {
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("Contract " + id + " not on the dashboard within 30 s");
    }

    private static void write(Path report, Duration ready, Duration firstLaunch, String demo, Duration demoLoad, List<Long> latencies,
                              List<RatingFlow> flows, PageTimings.Result pages, PipelineThroughput.Result pipeline,
                              PipelineThroughput.Result paced, List<RebuildCheck.Outcome> rebuilds, AuditorReads.Result audit, ScaleCurve.Result scale,
                              List<RawLimits.Rate> raw, Map<String, Long> memory, String load) throws IOException {
        Latencies registration = Latencies.of(latencies);
        StringBuilder md = new StringBuilder();
        md.append("# Local stack benchmark\n\n")
                .append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version"))
                .append(", system load average (1 min) ").append(load)
                .append(". Embedded stack: in-process Kafka (KRaft) and mongo-java-server (H2); its timings are not MongoDB's.\n\n")
                .append(BenchmarkTargets.table(ready, pipeline, paced, rebuilds, audit, scale, raw, memory))
                .append("What limits each missed target, with its evidence (profiles, counts of writes), and each "
                        + "bottleneck removed with its before and after: [BOTTLENECKS.md](BOTTLENECKS.md).\n\n")
                .append("## Every measure\n\n")
                .append("| measure | value | target |\n|---|---|---|\n")
                .append("| launch to all five services ready").append(firstLaunch == null ? "" : " (after an earlier run: "
                        + "their class-data archives written)").append(" | ")
                .append(String.format("%.1f s", ready.toMillis() / 1000.0)).append(" | 30 s |\n")
                .append(firstLaunch == null ? "" : String.format(Locale.ROOT, "| first launch after a build (no "
                        + "class-data archives yet, on a scratch data directory) | %.1f s | |%n", firstLaunch.toMillis() / 1000.0))
                .append("| demo contracts loaded through the gateway | ").append(demoLoad.toMillis()).append(" ms (")
                .append(demo.strip().replaceAll("\\s*\\R\\s*", "; ")).append(") | |\n")
                .append("| registration to dashboard, p50 (n=").append(registration.count()).append(") | ")
                .append(registration.percentile(50)).append(" ms | 1000 ms |\n")
                .append("| registration to dashboard, p95 | ").append(registration.percentile(95)).append(" ms | 1000 ms |\n")
                .append("| registration to dashboard, max | ").append(registration.max()).append(" ms | |\n")
                .append("| registration to dashboard, first sample (right after the demo load) | ")
                .append(latencies.get(0)).append(" ms | |\n")
                .append("| registration to dashboard, later samples: max | ")
                .append(latencies.subList(1, latencies.size()).stream().mapToLong(Long::longValue).max().orElse(0))
                .append(" ms | |\n");
        if (!flows.isEmpty()) {
            md.append(ratingRows(flows));
        }
        md.append(PageTimings.rows(pages));
        if (pipeline != null) {
            md.append(PipelineReport.rows(pipeline, raw));
        }
        if (paced != null) {
            md.append(PipelineReport.pacedRows(paced));
        }
        md.append(rebuildRows(rebuilds, raw));
        if (scale != null) {
            md.append(ScaleCurve.rows(scale));
        }
        md.append(RawLimits.rows(raw));
        md.append("\n");
        if (!flows.isEmpty()) {
            md.append(ratingSection(flows));
        }
        md.append(PageTimings.section(pages));
        if (pipeline != null) {
            md.append(PipelineReport.section(pipeline));
        }
        if (paced != null) {
            md.append(PipelineReport.pacedSection(paced));
        }
        if (audit != null) {
            md.append("Auditor reads (issue 16): a contract with ").append(audit.months())
                    .append(" monthly returns of three KPIs, each rated; each read timed ")
                    .append(audit.raw().millis().size()).append(" times through the gateway as an auditor, in turn, "
                            + "after one untimed request each; the raw read through the MongoDB driver in the same run."
                            + "\n\n").append(AuditorReads.rows(audit)).append("\n");
        }
        if (scale != null) {
            Path chart = (report.getParent() == null ? Path.of(".") : report.getParent()).resolve("scale-curve.svg");
            ScaleCurve.writeChart(scale, chart);
            md.append(ScaleCurve.section(scale, chart.getFileName().toString()));
        }
        md.append(RAW_LIMITS_SECTION);
        md.append("Resident memory after the run (MiB):\n\n| service | RSS |\n|---|---|\n");
        memory.forEach((service, mib) -> md.append("| ").append(service).append(" | ").append(mib).append(" |\n"));
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, md.toString());
    }

    static final double TARGET_REBUILD_SHARE = 0.5;

    /**
     * The rebuilds' rows: the rating history from rag-service's event store against the store's raw cursor read, the
     * dashboard from the topics against the broker's raw consume.
     */
    static String rebuildRows(List<RebuildCheck.Outcome> rebuilds, List<RawLimits.Rate> raw) {
        StringBuilder md = new StringBuilder();
        for (RebuildCheck.Outcome r : rebuilds) {
            String against = rebuildRawLimit(r);
            double rawRate = raw.stream().filter(x -> x.name().equals(against)).mapToDouble(RawLimits.Rate::perSecond)
                    .findFirst().orElse(0);
            double share = rebuildShare(r, raw);
            md.append(String.format(java.util.Locale.ROOT, "| rebuild of %s's %s (%s): %d %s in %s | %.0f/s, %.3f of "
                            + "the raw %s (%.0f/s) | ≥ %.1f: %s |%n", r.service(), r.readModel(), r.state(), r.events(),
                    r.service().equals("gateway") ? "records" : "events",
                    r.took() == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f s", r.took().toMillis() / 1000.0),
                    r.eventsPerSecond(), share, against, rawRate, TARGET_REBUILD_SHARE,
                    "DONE".equals(r.state()) && share >= TARGET_REBUILD_SHARE ? "met" : "missed"));
            double appends = raw.stream().filter(x -> x.name().equals("store appends"))
                    .mapToDouble(RawLimits.Rate::perSecond).findFirst().orElse(0);
            if (appends > 0 && "DONE".equals(r.state())) {
                md.append(String.format(java.util.Locale.ROOT, "| rebuild of %s's %s against the raw store appends "
                                + "(4 clients), since it writes a document per %s it reads | %.3f of %.0f/s | |%n",
                        r.service(), r.readModel(), r.service().equals("gateway") ? "record" : "event",
                        r.eventsPerSecond() / appends, appends));
            }
        }
        return md.toString();
    }

    /** The raw limit a rebuild is read against: the dashboard's from the topics, the others' from the store. */
    static String rebuildRawLimit(RebuildCheck.Outcome rebuild) {
        return rebuild.service().equals("gateway") ? "broker consume (one consumer)" : "store reads (one cursor)";
    }

    /** A rebuild's events per second over its raw limit's; 0 when it did not finish or the limit is unknown. */
    static double rebuildShare(RebuildCheck.Outcome rebuild, List<RawLimits.Rate> raw) {
        double rawRate = raw.stream().filter(x -> x.name().equals(rebuildRawLimit(rebuild)))
                .mapToDouble(RawLimits.Rate::perSecond).findFirst().orElse(0);
        return rawRate == 0 || !"DONE".equals(rebuild.state()) ? 0 : rebuild.eventsPerSecond() / rawRate;
    }

    /**
     * One monthly return's way to contract-service's cadence, in millis after the HTTP response to the return through
     * the gateway: when the benchmark's consumer first saw each rating event on {@value #RATINGS_TOPIC}, when
     * RagChanged and KpiRated were published (their records' Kafka timestamps, the producers' clock, which is this
     * machine's), and when {@code GET /api/contracts/{id}} through the gateway first showed the new cadence.
     *
     * @param change "null->RED" (the contract's first rating) or "RED->GREEN"
     */
    record RatingFlow(int sample, String change, long kpiRatedPublished, long kpiRatedSeen, long contractRatedSeen,
                      long ragChangedPublished, long ragChangedSeen, long cadenceVisible) {

        long allEventsSeen() {
            return Math.max(kpiRatedSeen, Math.max(contractRatedSeen, ragChangedSeen));
        }

        long slowest() {
            return Math.max(allEventsSeen(), Math.max(ragChangedPublished, cadenceVisible));
        }
    }

    /**
     * The body of {@code PUT /api/kpi/contracts/{id}/framework} for a framework of one headline KPI, {@link #KPI_CODE}
     * (004's triage KPI, its bands corrected as in kpi-service's template: RED under 85, AMBER from 85, GREEN from 90
     * to 95, STRETCH over 95), in force from {@code effectiveFrom}.
     */
    public static String oneKpiFramework(YearMonth effectiveFrom) {
        return """
                {"effectiveFrom":"%s","kpis":[{"code":"%s","name":"Phone calls screened and triaged within 24 \
                working hours","unit":"PERCENT","direction":"HIGHER_IS_BETTER","headline":true,\
                "expectedSource":"PROVIDER","bands":[
                 {"rating":"RED","upper":85,"upperInclusive":false},
                 {"rating":"AMBER","lower":85,"lowerInclusive":true,"upper":90,"upperInclusive":false},
                 {"rating":"GREEN","lower":90,"lowerInclusive":true,"upper":95,"upperInclusive":true},
                 {"rating":"STRETCH","lower":95,"lowerInclusive":false}]}]}""".formatted(effectiveFrom, KPI_CODE);
    }

    /**
     * Return to cadence: registers {@code samples} fresh contracts through the gateway (EMOTIONAL_HEALTH_AND_WELLBEING,
     * county-wide, a three-year term that began six months ago), waits until kpi-service and rag-service know them,
     * defines each a one-KPI framework (004's triage KPI, its bands corrected as in kpi-service's template) effective
     * two months ago, and lets the frameworks reach rag-service. Then, contract by contract, it times a return for two
     * months ago in the RED band (the first rating: RagChanged null to RED, cadence MONTHLY) and, once that has run
     * its course, a return for last month in the GREEN band (RagChanged RED to GREEN, cadence QUARTERLY).
     */
    static List<RatingFlow> ratingFlows(LocalStack stack, int samples) throws IOException, InterruptedException {
        List<RatingFlow> flows = new ArrayList<>();
        if (samples <= 0) {
            return flows;
        }
        String gateway = stack.gatewayUrl();
        YearMonth current = YearMonth.now(ZoneId.of("Europe/London"));
        YearMonth red = current.minusMonths(2);
        YearMonth green = current.minusMonths(1);
        LocalDate start = current.minusMonths(6).atDay(1);
        LocalDate end = start.plusYears(3).minusDays(1);
        try (RatingEventWatcher events = new RatingEventWatcher(stack.kafka().bootstrapServers())) {
            List<String> contracts = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                String body = """
                        {"provider":"Rating Benchmark Provider %d","serviceArea":"EMOTIONAL_HEALTH_AND_WELLBEING",\
                        "lot":{"scope":"COUNTY"},"start":"%s","end":"%s"}""".formatted(i, start, end);
                HttpResponse<String> created = CLIENT.send("POST", gateway + "/api/contracts", body);
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("Registration failed: " + created.statusCode() + " " + created.body());
                }
                contracts.add(JSON.readTree(created.body()).get("contractId").asText());
            }
            for (String id : contracts) {
                awaitFound(gateway + "/api/kpi/contracts/" + id, "kpi-service");
                awaitFound(gateway + "/api/ratings/contracts/" + id, "rag-service");
            }
            String framework = oneKpiFramework(red);
            for (String id : contracts) {
                HttpResponse<String> defined = CLIENT.send("PUT", gateway + "/api/kpi/contracts/" + id + "/framework", framework);
                if (defined.statusCode() != 201) {
                    throw new IllegalStateException("Framework of " + id + " not defined: " + defined.statusCode() + " "
                            + defined.body());
                }
            }
            for (String id : contracts) {
                events.await(id, "", "KpiFrameworkDefined");
            }
            // rag-service reads the frameworks from kpi.events.v1; give it a moment so no sample waits on that
            Thread.sleep(1000);
            for (int i = 0; i < contracts.size(); i++) {
                String id = contracts.get(i);
                flows.add(returnToCadence(gateway, events, i, id, red, 70, "RED", null, "RED", "MONTHLY"));
                flows.add(returnToCadence(gateway, events, i, id, green, 92, "GREEN", "RED", "GREEN", "QUARTERLY"));
            }
        }
        return flows;
    }

    private static RatingFlow returnToCadence(String gateway, RatingEventWatcher events, int sample, String id,
                                              YearMonth period, int value, String band, String from, String to,
                                              String cadence) throws IOException, InterruptedException {
        String body = """
                {"period":"%s","narrative":"Benchmark return","values":[{"kpiCode":"%s","value":%d}]}"""
                .formatted(period, KPI_CODE, value);
        HttpResponse<String> submitted = CLIENT.send("POST", gateway + "/api/kpi/contracts/" + id + "/returns", body);
        long respondedAt = System.nanoTime();
        long respondedAtMillis = System.currentTimeMillis();
        if (submitted.statusCode() != 201) {
            throw new IllegalStateException("Return " + period + " of " + id + " refused: " + submitted.statusCode()
                    + " " + submitted.body());
        }
        String p = period.toString();
        long deadline = respondedAt + PATIENCE.toNanos();
        long cadenceAt = 0;
        boolean cadenceSeen = false;
        while (!cadenceSeen || !events.hasAll(id, p, "KpiRated", "ContractRated", "RagChanged")) {
            if (!cadenceSeen) {
                HttpResponse<String> contract = CLIENT.send("GET", gateway + "/api/contracts/" + id, null);
                if (contract.statusCode() == 200
                        && cadence.equals(JSON.readTree(contract.body()).path("monitoring").path("cadence").asText())) {
                    cadenceAt = System.nanoTime();
                    cadenceSeen = true;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Return " + p + " of " + id + " (" + band + "): within " + PATIENCE
                        + " cadence " + cadence + (cadenceSeen ? " seen" : " not seen") + ", rating events seen: "
                        + events.typesOf(id, p));
            }
            Thread.sleep(cadenceSeen ? 1 : 5);
        }
        RatingEventWatcher.Seen kpi = events.get(id, p, "KpiRated");
        RatingEventWatcher.Seen rated = events.get(id, p, "ContractRated");
        RatingEventWatcher.Seen changed = events.get(id, p, "RagChanged");
        String fromSeen = changed.data().path("from").isNull() ? null : changed.data().path("from").asText();
        if (!band.equals(kpi.data().path("band").asText()) || !to.equals(rated.data().path("rating").asText())
                || !"COMPUTED".equals(rated.data().path("basis").asText())
                || !Objects.equals(from, fromSeen) || !to.equals(changed.data().path("to").asText())) {
            throw new IllegalStateException("Return " + p + " of " + id + ": unexpected ratings " + kpi.data() + ", "
                    + rated.data() + ", " + changed.data());
        }
        return new RatingFlow(sample, from + "->" + to,
                kpi.timestampMillis() - respondedAtMillis, millisBetween(respondedAt, kpi.seenNanos()),
                millisBetween(respondedAt, rated.seenNanos()),
                changed.timestampMillis() - respondedAtMillis, millisBetween(respondedAt, changed.seenNanos()),
                millisBetween(respondedAt, cadenceAt));
    }

    private static long millisBetween(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }

    private static void awaitFound(String url, String who) throws InterruptedException {
        if (!CLIENT.awaitOk(url, System.nanoTime() + PATIENCE.toNanos())) {
            throw new IllegalStateException(who + " did not know " + url + " within " + PATIENCE);
        }
    }


    /**
     * One consumer, open for the whole rating measurement, reading {@value #RATINGS_TOPIC} and {@value #KPI_TOPIC}
     * from their ends on a thread of its own; it notes, per contract (the record key), period and event type, the
     * first record: when it was seen (this JVM's nanoTime, right after the poll that returned it), its Kafka
     * timestamp and its data. A poll returns as soon as a record arrives, so reading adds no poll interval.
     */
    static final class RatingEventWatcher implements AutoCloseable {

        record Seen(long seenNanos, long timestampMillis, JsonNode data) {
        }

        private final Map<String, Seen> seen = new ConcurrentHashMap<>();
        private final CountDownLatch assigned = new CountDownLatch(1);
        private final Thread thread;
        private volatile boolean running = true;
        private volatile RuntimeException failure;

        RatingEventWatcher(String bootstrapServers) throws InterruptedException {
            thread = new Thread(() -> run(bootstrapServers), "benchmark-rating-events");
            thread.setDaemon(true);
            thread.start();
            if (!assigned.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("The benchmark's consumer was not assigned within " + PATIENCE);
            }
            if (failure != null) {
                throw failure;
            }
        }

        private void run(String bootstrapServers) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "platform-benchmark");
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(RATINGS_TOPIC, KPI_TOPIC)) {
                    List<PartitionInfo> infos = consumer.partitionsFor(topic, PATIENCE);
                    if (infos == null || infos.isEmpty()) {
                        throw new IllegalStateException("Topic " + topic + " has no partitions");
                    }
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.countDown();
                while (running) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, byte[]> r : records) {
                        note(r, now);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                assigned.countDown();
            }
        }

        private void note(ConsumerRecord<String, byte[]> r, long now) {
            try {
                JsonNode event = JSON.readTree(r.value());
                String type = event.path("type").asText();
                if (type.endsWith(".v1")) {
                    type = type.substring(0, type.length() - ".v1".length());
                }
                type = type.substring(type.lastIndexOf('.') + 1);
                JsonNode data = event.path("data");
                seen.putIfAbsent(key(r.key(), data.path("period").asText(""), type),
                        new Seen(now, r.timestamp(), data));
            } catch (IOException e) {
                // not a JSON event: not one of ours
            }
        }

        private static String key(String contractId, String period, String type) {
            return contractId + "|" + period + "|" + type;
        }

        boolean hasAll(String contractId, String period, String... types) {
            check();
            for (String type : types) {
                if (!seen.containsKey(key(contractId, period, type))) {
                    return false;
                }
            }
            return true;
        }

        Seen get(String contractId, String period, String type) {
            return seen.get(key(contractId, period, type));
        }

        List<String> typesOf(String contractId, String period) {
            String prefix = contractId + "|" + period + "|";
            return seen.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                    .sorted().toList();
        }

        /** Waits (at most {@link #PATIENCE}) until the contract's event of the type and period has been seen. */
        Seen await(String contractId, String period, String type) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!hasAll(contractId, period, type)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(type + " of " + contractId + " not seen within " + PATIENCE);
                }
                Thread.sleep(10);
            }
            return get(contractId, period, type);
        }

        private void check() {
            if (failure != null) {
                throw new IllegalStateException("The benchmark's consumer failed", failure);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** The rows of the return to cadence in the report's table. */
    private static String ratingRows(List<RatingFlow> flows) {
        long firsts = flows.stream().filter(f -> f.change().startsWith("null")).count();
        String n = "n=" + flows.size() + ": " + firsts + " first ratings null to RED, " + (flows.size() - firsts)
                + " changes RED to GREEN";
        StringBuilder rows = new StringBuilder();
        rows.append(triple("KPI return to RagChanged published", " (Kafka timestamp; " + n + ")", flows,
                RatingFlow::ragChangedPublished));
        rows.append(triple("KPI return to RagChanged seen", " (one consumer of " + RATINGS_TOPIC + ")", flows,
                RatingFlow::ragChangedSeen));
        rows.append("| KPI return to KpiRated, ContractRated and RagChanged all seen, max | ")
                .append(max(flows, RatingFlow::allEventsSeen)).append(" ms | 2000 ms |\n");
        rows.append(triple("KPI return to cadence visible", " (contract-service, through the gateway)", flows,
                RatingFlow::cadenceVisible));
        rows.append("| KPI return to cadence, first ratings (MONTHLY): p50 / max | ")
                .append(latencies(flows, f -> f.change().startsWith("null"), RatingFlow::cadenceVisible).percentile(50))
                .append(" / ").append(max(flows.stream().filter(f -> f.change().startsWith("null")).toList(),
                        RatingFlow::cadenceVisible)).append(" ms | |\n");
        rows.append("| KPI return to cadence, changes RED to GREEN (QUARTERLY): p50 / max | ")
                .append(latencies(flows, f -> !f.change().startsWith("null"), RatingFlow::cadenceVisible).percentile(50))
                .append(" / ").append(max(flows.stream().filter(f -> !f.change().startsWith("null")).toList(),
                        RatingFlow::cadenceVisible)).append(" ms | |\n");
        rows.append("| KPI return to cadence, first sample (RagChanged seen / cadence) | ")
                .append(flows.get(0).ragChangedSeen()).append(" / ").append(flows.get(0).cadenceVisible())
                .append(" ms | |\n");
        rows.append("| KPI returns over 2000 ms to any of the above | ")
                .append(flows.stream().filter(f -> f.slowest() > 2000).count()).append(" of ").append(flows.size())
                .append(" | 0 |\n");
        return rows.toString();
    }

    /** p50 (the measure named with its detail), p95 and max rows of one measure, all against the 2 s target. */
    private static String triple(String measure, String detail, List<RatingFlow> flows,
                                 ToLongFunction<RatingFlow> value) {
        Latencies latencies = latencies(flows, f -> true, value);
        return "| " + measure + detail + ", p50 | " + latencies.percentile(50)
                + " ms | 2000 ms |\n"
                + "| " + measure + ", p95 | " + latencies.percentile(95) + " ms | 2000 ms |\n"
                + "| " + measure + ", max | " + latencies.max() + " ms | 2000 ms |\n";
    }

    /** The section on the return to cadence: how it is measured and each stage's p50, p95 and max. */
    private static String ratingSection(List<RatingFlow> flows) {
        StringBuilder md = new StringBuilder();
        md.append("Return to cadence (issue 5: a monthly return through the gateway produces KpiRated, ContractRated and, when ")
                .append("the rating changes, RagChanged, and contract-service changes the monitoring cadence, all ")
                .append("within 2 s). Per sample a fresh contract is registered through the gateway with a one-KPI ")
                .append("framework (004's triage KPI, bands corrected); its first return, in the RED band, gives ")
                .append("RagChanged null to RED and cadence MONTHLY, its second, the next month in the GREEN band, ")
                .append("RED to GREEN and QUARTERLY. Millis from the HTTP response to the return: published is the ")
                .append("record's Kafka timestamp, seen is when one consumer kept open for the whole run received it, ")
                .append("cadence is when `GET /api/contracts/{id}` through the gateway (polled with 5 ms pauses) first ")
                .append("showed it:\n\n")
                .append("| stage (n=").append(flows.size()).append(") | p50 | p95 | max |\n|---|---|---|---|\n");
        stage(md, "KpiRated published", flows, RatingFlow::kpiRatedPublished);
        stage(md, "KpiRated seen", flows, RatingFlow::kpiRatedSeen);
        stage(md, "ContractRated seen", flows, RatingFlow::contractRatedSeen);
        stage(md, "RagChanged published", flows, RatingFlow::ragChangedPublished);
        stage(md, "RagChanged seen", flows, RatingFlow::ragChangedSeen);
        stage(md, "cadence visible through the gateway", flows, RatingFlow::cadenceVisible);
        return md.append("\n").toString();
    }

    private static void stage(StringBuilder md, String stage, List<RatingFlow> flows, ToLongFunction<RatingFlow> value) {
        Latencies latencies = latencies(flows, f -> true, value);
        md.append("| ").append(stage).append(" | ").append(latencies.percentile(50)).append(" ms | ")
                .append(latencies.percentile(95)).append(" ms | ").append(latencies.max()).append(" ms |\n");
    }

    private static Latencies latencies(List<RatingFlow> flows, Predicate<RatingFlow> which,
                                       ToLongFunction<RatingFlow> value) {
        return Latencies.of(flows.stream().filter(which).map(f -> value.applyAsLong(f)).toList());
    }

    private static long max(List<RatingFlow> flows, ToLongFunction<RatingFlow> value) {
        return flows.stream().mapToLong(value).max().orElse(0);
    }
}
