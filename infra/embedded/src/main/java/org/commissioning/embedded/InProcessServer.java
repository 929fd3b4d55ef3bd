package org.commissioning.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A server run in this JVM on a port of its own: {@link #start()} and {@link #stop()} may be called in any order and
 * as often as wanted (a running server is not started twice, a stopped one not stopped twice), and a stopped server
 * starts again on the same port, which is how tests take infrastructure away and bring it back.
 *
 * @param <S> the server itself, so that {@code start()} answers it
 */
public abstract class InProcessServer<S extends InProcessServer<S>> implements AutoCloseable {

    private boolean running;

    /** Starts the server and waits until it accepts clients; nothing happens if it is running. */
    public final synchronized S start() {
        if (!running) {
            startServer();
            running = true;
        }
        @SuppressWarnings("unchecked")
        S self = (S) this;
        return self;
    }

    /** Stops the server and releases its port; nothing happens if it is not running. */
    public final synchronized void stop() {
        if (running) {
            stopServer();
            running = false;
        }
    }

    public final synchronized boolean isRunning() {
        return running;
    }

    @Override
    public final void close() {
        stop();
    }

    /** Starts the server and returns once it is ready, or throws having left nothing running. */
    protected abstract void startServer();

    protected abstract void stopServer();

    /** A port nothing listens on at the moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
