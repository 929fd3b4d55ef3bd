package org.commissioning.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.commissioning.embedded.KafkaBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real KRaft broker of a test class's own, which the test may stop and start again (its data on disk in a new
 * temporary folder), stopped after the class. A test class declares
 * <pre>{@code
 * @RegisterExtension
 * static final RestartableKafka KAFKA = new RestartableKafka("relay-outage");
 *
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     KAFKA.register(registry);
 * }
 * }</pre>
 */
public final class RestartableKafka implements AfterAllCallback {

    private final KafkaBroker broker;

    /** Starts a broker on free ports, its data in a new temporary folder named after {@code name}. */
    public RestartableKafka(String name) {
        try {
            broker = KafkaBroker.onFreePorts(Files.createTempDirectory(name).resolve("kafka")).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KafkaBroker broker() {
        return broker;
    }

    public void stop() {
        broker.stop();
    }

    public void start() {
        broker.start();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * Points the service at this broker ({@code platform.kafka.bootstrap-servers}) and at a database of the
     * application context's own on the shared in-process Mongo server.
     */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("platform.kafka.bootstrap-servers", broker::bootstrapServers);
        EmbeddedMongo.register(registry, EmbeddedMongo.APPLICATION_DATABASE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.stop();
    }
}
