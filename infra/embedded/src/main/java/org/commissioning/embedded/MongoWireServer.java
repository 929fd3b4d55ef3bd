package org.commissioning.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.commissioning.embedded.mongo.IndexedH2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;

/**
 * A MongoDB wire-protocol server in-process (mongo-java-server), spoken to by the real MongoDB driver.
 * With a file it keeps its data on disk (H2 MVStore); without one it keeps it in memory.
 * It has no transactions, and a non-unique index enforces nothing: code that runs on it must not rely on either.
 * A query on the leading field of any index reads only the documents a lookup names ({@link IndexedH2Backend}),
 * not the whole collection.
 */
public final class MongoWireServer extends InProcessServer<MongoWireServer> {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    private final Path file;
    private final int port;
    /** Event-loop threads serving the connections: enough for one per connection of the stack's services. */
    static final int WORKER_THREADS = 64;

    private Duration cursorTimeout = IndexedH2Backend.CURSOR_TIMEOUT;
    private MongoServer server;
    private IndexedH2Backend backend;

    private MongoWireServer(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    public static MongoWireServer onDisk(Path file, int port) {
        return new MongoWireServer(file, port);
    }

    public static MongoWireServer inMemory(int port) {
        return new MongoWireServer(null, port);
    }

    public static MongoWireServer inMemoryOnFreePort() {
        return inMemory(freePort());
    }

    /** How long a cursor may wait for its next read before the server closes it (before {@link #start()}). */
    public MongoWireServer withCursorTimeout(Duration timeout) {
        this.cursorTimeout = timeout;
        return this;
    }

    @Override
    protected void startServer() {
        if (file == null) {
            backend = IndexedH2Backend.inMemory(cursorTimeout);
        } else {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = IndexedH2Backend.onDisk(file.toAbsolutePath().toString(), cursorTimeout);
        }
        MongoBackend versioned = backend.version(ServerVersion.MONGO_5_0);
        server = new MongoServer(versioned);
        try {
            // each connection is served on one event loop; with Netty's default (two per core) a loop waiting for a
            // collection another request scans stalls every connection it serves, of every database (issue 16)
            server.bind(new java.net.InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            stopServer();
            throw e;
        }
        log.info("MongoDB wire-protocol server ready on {} ({})", connectionString(),
                file == null ? "in memory" : "data in " + file);
    }

    @Override
    protected void stopServer() {
        server.shutdownNow();
        backend.close();
        server = null;
        backend = null;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Cursors open now (each holds the rest of what its query matched). */
    public int openCursors() {
        return backend == null ? 0 : backend.openCursors();
    }

    /** Queries since start that read only the documents an index's lookup named. */
    public long queriesServedByLookup() {
        return backend == null ? 0 : backend.queriesServedByLookup();
    }

    /** How many documents the queries a lookup served have read since start (a full scan reads them all). */
    public long documentsReadByLookup() {
        return backend == null ? 0 : backend.documentsReadByLookup();
    }

    public int port() {
        return port;
    }
}
