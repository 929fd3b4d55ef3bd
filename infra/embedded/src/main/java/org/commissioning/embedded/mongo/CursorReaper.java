package org.commissioning.embedded.mongo;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.CursorRegistry;

/**
 * Closes a cursor no client has asked for more of within the timeout, as MongoDB does ({@code cursorTimeoutMillis},
 * ten minutes by default). Upstream keeps a cursor until it is read to its end or killed, and each holds every
 * document its query matched: a client killed mid-read, or one that drops a cursor unread, held that memory for
 * the life of the server (the fault suite's launcher filled its heap so).
 */
final class CursorReaper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CursorReaper.class);

    private final CursorRegistry cursors;
    private final long timeoutNanos;
    private final Map<Long, Long> lastUsed = new ConcurrentHashMap<>();
    private final Map<Long, String> namespaces = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper;

    CursorReaper(CursorRegistry cursors, Duration timeout) {
        this.cursors = cursors;
        this.timeoutNanos = timeout.toNanos();
        long every = Math.max(100, timeout.toMillis() / 10);
        this.reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mongo-cursor-reaper");
            thread.setDaemon(true);
            return thread;
        });
        reaper.scheduleWithFixedDelay(this::reap, every, every, TimeUnit.MILLISECONDS);
    }

    void opened(long cursorId, String namespace) {
        if (cursorId != 0) {
            lastUsed.put(cursorId, System.nanoTime());
            namespaces.put(cursorId, namespace);
        }
    }

    void used(long cursorId) {
        lastUsed.computeIfPresent(cursorId, (id, at) -> System.nanoTime());
    }

    void reap() {
        long now = System.nanoTime();
        Map<String, Integer> closed = new TreeMap<>();
        for (Map.Entry<Long, Long> cursor : lastUsed.entrySet()) {
            if (now - cursor.getValue() > timeoutNanos && lastUsed.remove(cursor.getKey(), cursor.getValue())) {
                String namespace = namespaces.remove(cursor.getKey());
                if (cursors.remove(cursor.getKey())) {
                    closed.merge(String.valueOf(namespace), 1, Integer::sum);
                }
            }
        }
        if (!closed.isEmpty()) {
            log.info("Closed cursors idle for more than {} ms, by collection: {}; {} open",
                    TimeUnit.NANOSECONDS.toMillis(timeoutNanos), closed, cursors.size());
        }
    }

    @Override
    public void close() {
        reaper.shutdownNow();
    }
}
