package org.commissioning.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

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
     * the URI is read) and a number of its own for each application context that registers it. Each context gets a
     * database of its own because Spring keeps earlier contexts running: two contexts on one event store and token
     * store would share their tracking processors' tokens (same JVM, same owner name), so one context's outbox
     * relay could publish the other's events to its own broker and move the shared token past them.
     */
    public static final String APPLICATION_DATABASE = "${spring.application.name}";

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

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

    /**
     * Points {@code spring.data.mongodb.uri} at {@code database} on the shared server; for
     * {@link #APPLICATION_DATABASE}, at a database of the context's own, named after the application.
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        String name = APPLICATION_DATABASE.equals(database)
                ? database + "-" + CONTEXTS.incrementAndGet() : database;
        registry.add("spring.data.mongodb.uri", () -> connectionString() + "/" + name);
    }
}
