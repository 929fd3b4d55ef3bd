package org.commissioning.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (combined broker and controller), run in-process.
 * Its log directory is formatted on first start and reused afterwards, so data survives a restart.
 * It can be stopped and started again on the same port, which is how tests take the broker away. Its settings
 * besides ports and data directory are in {@code kafka-broker.properties} next to this class.
 */
public final class KafkaBroker extends InProcessServer<KafkaBroker> {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public KafkaBroker(Path logDir, int port, int controllerPort) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker on two free ports, with its data in {@code logDir}. */
    public static KafkaBroker onFreePorts(Path logDir) {
        return new KafkaBroker(logDir, freePort(), freePort());
    }

    @Override
    protected void startServer() {
        KafkaConfig config = new KafkaConfig(properties(), false);
        formatIfNew();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        try {
            awaitReady(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            shutDown();
            throw e;
        }
        log.info("Kafka broker (KRaft) ready on {} with data in {}", bootstrapServers(), logDir);
    }

    @Override
    protected void stopServer() {
        shutDown();
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    private void shutDown() {
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    private Properties properties() {
        Properties p = new Properties();
        try (InputStream fixed = KafkaBroker.class.getResourceAsStream("kafka-broker.properties")) {
            p.load(fixed);
        } catch (IOException e) {
            throw new UncheckedIOException("kafka-broker.properties is missing from the classpath", e);
        }
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        return p;
    }

    private void formatIfNew() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log directory " + logDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> cfg = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(cfg)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker did not become ready within " + timeout, e);
                    }
                }
            }
        }
    }
}
