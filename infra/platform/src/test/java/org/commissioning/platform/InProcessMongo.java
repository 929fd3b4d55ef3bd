package org.commissioning.platform;

import java.util.UUID;

import org.commissioning.embedded.MongoWireServer;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The platform's tests' MongoDB: one in-memory wire-protocol server for the test run, spoken to through the real
 * driver, on which each test gets a database of its own. Never stopped: it goes with the JVM.
 */
public final class InProcessMongo {

    private static final MongoWireServer SERVER = MongoWireServer.inMemoryOnFreePort().start();
    private static final MongoClient CLIENT = MongoClients.create(SERVER.connectionString());

    private InProcessMongo() {
    }

    /** A URI of a new, empty database named {@code purpose-<random>}, for a Spring context's own. */
    public static String newDatabaseUri(String purpose) {
        return SERVER.connectionString().replaceAll("/+$", "") + "/" + purpose + "-" + UUID.randomUUID();
    }

    /** A template on a new, empty database named {@code purpose-<random>}. */
    public static MongoTemplate newDatabase(String purpose) {
        return new MongoTemplate(CLIENT, purpose + "-" + UUID.randomUUID());
    }
}
