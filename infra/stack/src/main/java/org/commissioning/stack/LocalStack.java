package org.commissioning.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.commissioning.embedded.KafkaBroker;
import org.commissioning.embedded.MongoWireServer;
import org.commissioning.identity.IdentityProperties;
import org.commissioning.identity.LocalIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine with nothing but a JDK: a real Apache Kafka broker (KRaft), a MongoDB
 * wire-protocol server and the local OAuth2 issuer (infra/identity, with the demo users) in this process, keeping
 * their data under the data directory, and the five services as child processes, each a resource server of that
 * issuer listening on 127.0.0.1 only. Ctrl-C stops the services first, then the issuer, the broker and the database.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final StackOptions options;
    private final MongoWireServer mongo;
    private final KafkaBroker kafka;
    private LocalIssuer issuer;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, String> serviceProperties;
    private volatile boolean stopped;
    private volatile Consumer<String> whenAServiceStopsOnItsOwn = log::error;

    public LocalStack(StackOptions options) {
        this(options, Map.of());
    }

    /** @param serviceProperties set on every service, over the stack's own (tests switch off scheduled scans) */
    public LocalStack(StackOptions options, Map<String, String> serviceProperties) {
        this.options = options;
        this.serviceProperties = Map.copyOf(serviceProperties);
        this.mongo = MongoWireServer.onDisk(options.dataDir().resolve("mongo").resolve("platform.mv"), options.mongoPort());
        this.kafka = new KafkaBroker(options.dataDir().resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort());
    }

    public static void main(String[] args) throws Exception {
        // one jar, two programs: the first argument picks the benchmark, whose flags are a superset of these
        if (args.length > 0 && args[0].equals("--bench")) {
            PlatformBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--faults")) {
            FaultSuite.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        StackOptions.Flags flags = new StackOptions.Flags();
        parseOrExit(flags, args);
        StackOptions options = flags.options();
        LocalStack stack = new LocalStack(options);
        CountDownLatch stoppedLatch = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            System.out.println("Stopping the platform ...");
            stack.close();
            System.out.println("Stopped. Data kept in " + options.dataDir());
            stoppedLatch.countDown();
        }, "local-stack-shutdown"));
        try {
            long startedAt = System.nanoTime();
            stack.start();
            Duration ready = Duration.ofNanos(System.nanoTime() - startedAt);
            String demo = stack.loadDemoData();
            if (options.loadDemo()) {
                demo += System.lineSeparator() + " " + stack.demoRatingsByMonth();
            }
            stack.printBanner(ready, demo);
            stack.whenAServiceStopsOnItsOwn(crash -> {
                System.err.println(crash);
                System.err.println("Start it again with ./run-local.sh --no-build: the data is kept.");
                System.exit(1);
            });
        } catch (Exception e) {
            System.err.println("The platform did not start: " + e.getMessage());
            System.exit(1);
        }
        stoppedLatch.await();
    }

    /** Parses the flags into a picocli command; an unknown or malformed one ends the JVM with exit code 2. */
    static void parseOrExit(Object command, String... args) {
        try {
            StackOptions.parse(command, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Starts the broker, the database and the five services, and waits until every service is ready (3 minutes). */
    public void start() throws IOException, InterruptedException {
        start(Duration.ofMinutes(3));
    }

    /** Starts the broker, the database and the five services, and waits until every service is ready, or fails. */
    public void start(Duration readyWithin) throws IOException, InterruptedException {
        requireFreePorts();
        mongo.start();
        kafka.start();
        String issuerUri = "http://127.0.0.1:" + options.issuerPort();
        String web = "http://127.0.0.1:" + options.gatewayPort();
        issuer = LocalIssuer.start(options.issuerPort(), options.dataDir().resolve("identity"),
                "--identity.issuer=" + issuerUri, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--identity.web.redirect-uris=" + web + "/login/oauth2/code/commissioning",
                "--identity.web.post-logout-redirect-uris=" + web + "/signed-out");
        String brokers = kafka.bootstrapServers();
        String mongoUri = mongo.connectionString();
        Path logs = options.dataDir().resolve("logs");

        Map<String, String> common = Map.of(
                "platform.kafka.bootstrap-servers", brokers,
                "platform.security.enabled", "true",
                "platform.security.issuer-uri", issuerUri,
                "server.address", "127.0.0.1",
                "logging.file.name", "",
                "spring.main.banner-mode", "off");
        services.add(service("contract-service", options.contractPort(), common, mongoUri + "/contracts", Map.of(), logs));
        services.add(service("kpi-service", options.kpiPort(), common, mongoUri + "/kpi", Map.of(), logs));
        services.add(service("rag-service", options.ragPort(), common, mongoUri + "/ratings", Map.of(), logs));
        services.add(service("deepdive-service", options.deepdivePort(), common, mongoUri + "/deepdives", Map.of(), logs));
        services.add(service("gateway", options.gatewayPort(), common, mongoUri + "/gateway", Map.of(
                "services.contract.url", "http://127.0.0.1:" + options.contractPort(),
                "services.kpi.url", "http://127.0.0.1:" + options.kpiPort(),
                "services.rag.url", "http://127.0.0.1:" + options.ragPort(),
                "services.deepdive.url", "http://127.0.0.1:" + options.deepdivePort()), logs));
        for (ServiceProcess service : services) {
            service.start();
        }
        awaitReady(services, readyWithin);
    }

    /**
     * What to do when a service's JVM ends without {@link #kill}, {@link #close} or a restart having asked it to (a
     * crash, running out of heap), given an account naming the service, its exit code and the end of its log. By
     * default the account is logged as an error and the stack runs on without it.
     */
    public void whenAServiceStopsOnItsOwn(Consumer<String> action) {
        whenAServiceStopsOnItsOwn = action;
    }

    private void serviceEnded(ServiceProcess.Ended ended) {
        // 130: Ctrl-C in a terminal interrupts the services with the launcher, which is stopping them anyway
        if (!stopped && ended.exitCode() != 130) {
            whenAServiceStopsOnItsOwn.accept(ended.describe());
        }
    }

    /** The services' names, in the order they start: contract-service, kpi-service, rag-service, deepdive-service, gateway. */
    public List<String> serviceNames() {
        return services.stream().map(ServiceProcess::name).toList();
    }

    /** Kills the service with SIGKILL (a crash: no graceful shutdown) and waits until its process has ended. */
    public void kill(String service) throws InterruptedException {
        service(service).kill();
    }

    /** Starts a stopped or killed service again, with the same settings, and waits until it is ready. */
    public void restart(String service, Duration readyWithin) throws IOException, InterruptedException {
        ServiceProcess process = service(service);
        if (process.isAlive()) {
            throw new IllegalStateException(service + " is still running");
        }
        process.start();
        awaitReady(List.of(process), readyWithin);
    }

    /** Freezes the service's JVM with SIGSTOP: it keeps its sockets but answers nothing, not even Kafka heartbeats. */
    public void pause(String service) throws IOException, InterruptedException {
        service(service).pause();
    }

    /** Lets a paused service run on (SIGCONT). */
    public void resume(String service) throws IOException, InterruptedException {
        service(service).resume();
    }

    /** Whether the service answers its readiness probe now. */
    public boolean isReady(String service) {
        return service(service).isReady();
    }

    /** Stops the Kafka broker and starts it again on the same ports with the same data. */
    public void restartKafka() {
        kafka.stop();
        kafka.start();
    }

    /** Stops the MongoDB wire server and starts it again on the same port with the same data file. */
    public void restartMongo() {
        mongo.stop();
        mongo.start();
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name + " in " + serviceNames()));
    }

    /**
     * Loads the demo data through the gateway (idempotent): the contracts and their 2018 escalations, their 2018
     * ratings (officer judgements for 2018-04), NELFT's KPI framework and monthly returns, the illustrative
     * Procurement Act 2023 contract's framework, returns and draft performance notice, and the 2018-19 deep-dive
     * programme of Fig. 1. Returns an account: one line, then the programme's ("deep dives 2018-19: 13 complete,
     * 5 pending").
     */
    public String loadDemoData() throws IOException, InterruptedException {
        if (!options.loadDemo()) {
            return "demo data: not loaded (--no-demo)";
        }
        ClientCredentials loader = demoLoader();
        DemoData.Result result = new DemoData(loader).load(gatewayUrl());
        if (!result.failures().isEmpty()) {
            result.failures().forEach(f -> log.warn("Demo contract not loaded: {}", f));
        }
        RatingDemoData.Result ratings = new RatingDemoData(loader).load(gatewayUrl());
        ratings.failures().forEach(f -> log.warn("Demo rating not recorded: {}", f));
        KpiDemoData.Result kpi = new KpiDemoData(loader).load(gatewayUrl());
        kpi.failures().forEach(f -> log.warn("Demo KPI data not loaded: {}", f));
        NoticeDemoData.Result notice = new NoticeDemoData(loader).load(gatewayUrl());
        notice.failures().forEach(f -> log.warn("Procurement Act 2023 demo not loaded: {}", f));
        DeepDiveDemoData.Result deepDives = new DeepDiveDemoData(loader).load(gatewayUrl());
        deepDives.failures().forEach(f -> log.warn("Demo deep dive not loaded: {}", f));
        int failed = result.failures().size() + ratings.failures().size() + kpi.failures().size()
                + notice.failures().size() + deepDives.failures().size();
        return "demo data: " + result.registered() + " contracts registered, " + result.alreadyThere()
                + " already there, " + result.escalationSteps() + " escalation steps of 2018 taken, "
                + ratings.recorded() + " ratings of 2018 recorded (officer, 2018-04), " + ratings.alreadyThere()
                + " already there, "
                + kpi.returnsSubmitted() + " monthly KPI returns of 2018-19 submitted, "
                + notice.returnsSubmitted() + " of 2025-26 for the Procurement Act 2023 demo contract, its "
                + "performance notice " + (notice.drafted() ? "drafted" : "not drafted again") + ", "
                + deepDives.planned() + " deep dives of 2018-19 planned, " + deepDives.completed()
                + " recorded complete (historic, no grades), " + deepDives.cancelled() + " not in Fig. 1 cancelled"
                + (failed == 0 ? "" : ", " + failed + " failed")
                + System.lineSeparator() + " " + deepDives.summary();
    }

    /**
     * NELFT's ratings month by month as rag-service rated its demo returns (one line, waiting a few seconds at most
     * for rag-service to rate returns accepted a moment ago).
     */
    public String demoRatingsByMonth() throws InterruptedException {
        try {
            return new RatingDemoData(demoLoader()).monthByMonth(gatewayUrl(), Duration.ofSeconds(20)) + System.lineSeparator()
                    + "   " + gatewayUrl() + "/api/ratings/contracts/" + new KpiDemoData().nelftContractId() + "/ratings";
        } catch (IOException e) {
            return "NELFT's ratings could not be read: " + e.getMessage();
        }
    }

    /**
     * Starts one more instance of each running service named in {@code ports}, on the port given, named
     * {@code <service>-<n>}, with the same database, consumer group and history key, all at once, and waits until they
     * are ready. Their tracking processors compete for the same token claims and their Kafka consumers join the same
     * groups; they are stopped with the stack.
     *
     * @return the new instances' names
     */
    public synchronized List<String> startOtherInstances(Map<String, Integer> ports, Duration readyWithin)
            throws IOException, InterruptedException {
        List<ServiceProcess> starting = new ArrayList<>();
        for (Map.Entry<String, Integer> each : ports.entrySet()) {
            String service = each.getKey();
            ServiceProcess first = services.stream().filter(s -> s.name().equals(service)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No service " + service));
            long running = services.stream()
                    .filter(s -> s.name().equals(service) || s.name().startsWith(service + "-")).count();
            ServiceProcess another = first.instance(service + "-" + (running + 1), each.getValue());
            services.add(another);
            another.whenEndedUnasked(this::serviceEnded);
            another.start();
            starting.add(another);
        }
        awaitReady(starting, readyWithin);
        return starting.stream().map(ServiceProcess::name).toList();
    }

    /** The issuer's URI, which every token names and every service trusts. */
    public String issuerUri() {
        return "http://127.0.0.1:" + options.issuerPort();
    }

    /** A client authenticating as the issuer's user {@code username} (the demo users of infra/identity). */
    public ClientCredentials credentials(String username, String secret) {
        return new ClientCredentials(issuerUri() + "/oauth2/token", username, secret);
    }

    /** A client authenticating as the issuer's demo user {@code username}, with the secret the issuer gives it. */
    public ClientCredentials credentials(String username) {
        return credentials(username, secret(username));
    }

    /** The secret of the issuer's demo user {@code username}: its client secret and its password at the login form. */
    public String secret(String username) {
        return issuer.users().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo user " + username)).secret();
    }

    /** The demo loader's user, an officer. */
    public ClientCredentials demoLoader() {
        return credentials(GatewayClient.DEMO_USER, GatewayClient.DEMO_SECRET);
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + options.gatewayPort();
    }

    /** Resident memory of each service process in MiB. */
    public Map<String, Long> residentMemoryMib() {
        Map<String, Long> memory = new LinkedHashMap<>();
        services.forEach(s -> memory.put(s.name(), s.residentMemoryMib()));
        return memory;
    }

    /**
     * CPU time used so far by the five services' processes and by this launcher's (the broker, the database and
     * whatever harness runs in it), in nanoseconds.
     */
    public long cpuNanos() {
        long services;
        synchronized (this) {
            services = this.services.stream().mapToLong(ServiceProcess::cpuNanos).sum();
        }
        return services + ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time each service instance and the launcher (broker, store, issuer, harness) have used, by name. */
    public Map<String, Long> cpuNanosByProcess() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        synchronized (this) {
            services.forEach(s -> cpu.put(s.name(), s.cpuNanos()));
        }
        cpu.put("launcher", ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime());
        return cpu;
    }

    /** Each running service instance's base URL (127.0.0.1 and its port), by instance name. */
    public synchronized Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach(s -> urls.put(s.name(), "http://127.0.0.1:" + s.port()));
        return urls;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The MongoDB wire server's connection string (no database). */
    public String mongoUri() {
        return mongo.connectionString();
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<CompletableFuture<Void>> stopping = services.stream()
                .map(s -> CompletableFuture.runAsync(() -> s.stop(Duration.ofSeconds(30))))
                .toList();
        stopping.forEach(CompletableFuture::join);
        if (issuer != null) {
            issuer.close();
        }
        kafka.stop();
        mongo.stop();
    }

    private ServiceProcess service(String name, int port, Map<String, String> common, String mongoUri,
                                   Map<String, String> extra, Path logs) {
        Map<String, String> properties = new LinkedHashMap<>(common);
        properties.put("spring.data.mongodb.uri", mongoUri);
        properties.put("platform.history-chain.key-file",
                options.dataDir().resolve(name).resolve("history-seal-key.pem").toString());
        properties.putAll(extra);
        properties.putAll(serviceProperties);
        Path jar = options.root().resolve(name).resolve("target").resolve(name + "-" + VERSION + "-exec.jar");
        ServiceProcess service = new ServiceProcess(name, jar, port, properties, logs.resolve(name + ".log"));
        service.whenEndedUnasked(this::serviceEnded);
        return service;
    }

    private void awaitReady(List<ServiceProcess> starting, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " exited during start-up; the end of "
                            + service.log() + ":\n" + service.tailOfLog(40));
                }
                if (service.isReady()) {
                    log.info("{} ready on port {}", service.name(), service.port());
                    waiting.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready within " + timeout + ": "
                        + waiting.stream().map(ServiceProcess::name).toList() + "; see their logs in "
                        + options.dataDir().resolve("logs"));
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(250);
            }
        }
    }

    private void requireFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", options.kafkaPort());
        ports.put("Kafka controller", options.kafkaControllerPort());
        ports.put("MongoDB", options.mongoPort());
        ports.put("issuer", options.issuerPort());
        ports.put("gateway", options.gatewayPort());
        ports.put("contract-service", options.contractPort());
        ports.put("kpi-service", options.kpiPort());
        ports.put("rag-service", options.ragPort());
        ports.put("deepdive-service", options.deepdivePort());
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(what + " port " + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports in use: " + busy + ". Is the platform already running? "
                    + "Choose others with --gateway-port=... etc.");
        }
    }

    /** The issuer, its demo users and a token for one of them, as the banner shows them. */
    private String users() {
        String nl = System.lineSeparator();
        StringBuilder lines = new StringBuilder("  Issuer (OAuth2)       " + issuerUri() + nl
                + "  users (client id:secret, client-credentials grant):" + nl);
        for (IdentityProperties.User user : issuer.users()) {
            lines.append(String.format("    %-34s %s%s%n", user.username() + ":" + user.secret(),
                    String.join(",", user.roles()), user.providerBinding().map(p -> " (" + p + ")").orElse("")));
        }
        return lines.append("  a token, then a call with it:").append(nl)
                .append("    TOKEN=$(curl -s -u officer.jones:officer-secret -d grant_type=client_credentials ")
                .append(issuerUri()).append("/oauth2/token | grep -o '\"access_token\":\"[^\"]*' | cut -d'\"' -f4)")
                .append(nl).append("    curl -s -H \"Authorization: Bearer $TOKEN\" ").append(gatewayUrl())
                .append("/api/dashboard/summary").append(nl).toString();
    }

    private void printBanner(Duration ready, String demo) {
        String nl = System.lineSeparator();
        System.out.println(nl
                + "==================================================================" + nl
                + " Commissioned services monitoring platform: ready in " + String.format("%.1f", ready.toMillis() / 1000.0) + " s" + nl
                + " " + demo + nl
                + nl
                + "  Gateway (use this)    " + gatewayUrl() + nl
                + "    dashboard           " + gatewayUrl() + "/api/dashboard/contracts" + nl
                + "    contracts           " + gatewayUrl() + "/api/contracts" + nl
                + "    ratings             " + gatewayUrl() + "/api/ratings/contracts/<id>/ratings" + nl
                + "  contract-service      http://127.0.0.1:" + options.contractPort() + nl
                + "  kpi-service           http://127.0.0.1:" + options.kpiPort() + nl
                + "  rag-service           http://127.0.0.1:" + options.ragPort() + nl
                + "  deepdive-service      http://127.0.0.1:" + options.deepdivePort() + nl
                + "  health / metrics      <service>/actuator/health; /actuator/prometheus as operator.lee" + nl
                + "  Kafka (KRaft)         " + kafka.bootstrapServers() + nl
                + "  MongoDB (wire proto)  " + mongo.connectionString() + nl
                + "  data and logs         " + options.dataDir() + nl
                + nl
                + users()
                + nl
                + " Press Ctrl-C to stop; data is kept for the next start." + nl
                + "==================================================================");
    }
}
