package org.commissioning.testsupport;

import org.commissioning.embedded.MongoWireServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One in-memory MongoDB wire-protocol server per JVM, shared by every test in it: each test class keeps to a
 * database of its own. It is never stopped: Spring caches application contexts that are connected to it until
 * the JVM exits.
 */
public final class EmbeddedMongo {

    /**
     * The database of the application under test: its {@code spring.application.name} (resolved by Spring when
     * the URI is read), so each service's tests keep to a database named after it.
     */
    public static final String APPLICATION_DATABASE = "${spring.application.name}";

    private static final MongoWireServer SERVER = MongoWireServer.inMemoryOnFreePort().start();

    private EmbeddedMongo() {
    }

    public static MongoWireServer server() {
        return SERVER;
    }

    /** The connection string of the server, without a database. */
    public static String connectionString() {
        return SERVER.connectionString();
    }

    /** Points {@code spring.data.mongodb.uri} at {@code database} on the shared server. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.data.mongodb.uri", () -> connectionString() + "/" + database);
    }
}
