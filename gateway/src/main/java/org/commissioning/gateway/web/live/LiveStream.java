package org.commissioning.gateway.web.live;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.commissioning.platform.security.Caller;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: the caller who opened it, and the events waiting to be written to it. Events are written in
 * order by one sender at a time, on the senders' threads; a client that lets {@code queue} events pile up (or whose
 * connection fails) is dropped: its stream is completed and removed.
 */
final class LiveStream {

    private final String session;
    private final Caller caller;
    private final SseEmitter emitter;
    private final BlockingQueue<SseEmitter.SseEventBuilder> waiting;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Executor senders;
    private final Consumer<LiveStream> onClose;

    LiveStream(String session, Caller caller, SseEmitter emitter, int queue, Executor senders,
               Consumer<LiveStream> onClose) {
        this.session = session;
        this.caller = caller;
        this.emitter = emitter;
        this.waiting = new ArrayBlockingQueue<>(queue);
        this.senders = senders;
        this.onClose = onClose;
    }

    String session() {
        return session;
    }

    Caller caller() {
        return caller;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Queues the events to be written in order; a client too far behind is dropped instead. */
    void send(SseEmitter.SseEventBuilder... events) {
        for (SseEmitter.SseEventBuilder event : events) {
            if (!waiting.offer(event)) {
                drop();
                return;
            }
        }
        if (sending.compareAndSet(false, true)) {
            try {
                senders.execute(this::writeWaiting);
            } catch (RejectedExecutionException busy) {
                drop();
            }
        }
    }

    private void writeWaiting() {
        while (true) {
            SseEmitter.SseEventBuilder event = waiting.poll();
            if (event == null) {
                sending.set(false);
                // an event queued after the poll, whose sender saw this one still running, is written now
                if (waiting.isEmpty() || !sending.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (closed.get()) {
                waiting.clear();
                sending.set(false);
                return;
            }
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                // the connection failed (the container completes the request) or the stream was already completed
                close();
                waiting.clear();
                sending.set(false);
                return;
            }
        }
    }

    /**
     * Ends the stream of a client that cannot keep up: forgotten at once, completed on a sender's thread (completing
     * waits for a write in progress, which a client that is not reading can hold up to the connection's timeout).
     */
    void drop() {
        if (close()) {
            try {
                senders.execute(emitter::complete);
            } catch (RejectedExecutionException busy) {
                // the stream's own timeout completes it
            }
        }
    }

    /** Forgets the stream: its events are no longer written; false if it was already. */
    boolean close() {
        if (closed.compareAndSet(false, true)) {
            waiting.clear();
            onClose.accept(this);
            return true;
        }
        return false;
    }

    boolean isClosed() {
        return closed.get();
    }
}
