package org.commissioning.gateway.web.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.commissioning.gateway.api.DashboardRowChanged;
import org.commissioning.gateway.api.LiveChange;
import org.commissioning.gateway.application.FollowLiveChanges;
import org.commissioning.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The open live streams and what each is told. When the dashboard projection has changed a contract's row, every
 * stream whose caller sees that contract on the dashboard gets {@code contract-<id>} and {@code dashboard}, both with
 * the {@link LiveChange} as JSON. The change arrives on a Kafka consumer's thread, which only hands it over: the
 * row is read and the events written on the senders' threads. Every stream gets a heartbeat comment; a stream ends
 * when its caller's access token expires (with the resource server's clock skew), after {@code maxLifetime}, or when
 * its client goes or falls behind, and is then forgotten.
 */
@Component
public class LiveStreams implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);
    static final String DASHBOARD = "dashboard";

    private final FollowLiveChanges changes;
    private final LiveProperties limits;
    private final Duration clockSkew;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor senders;
    private final ScheduledExecutorService heartbeat;

    public LiveStreams(FollowLiveChanges changes, LiveProperties limits,
                       @Value("${platform.security.clock-skew:30s}") Duration clockSkew,
                       ObjectProvider<MeterRegistry> meters) {
        this.changes = changes;
        this.limits = limits;
        this.clockSkew = clockSkew;
        this.senders = new ThreadPoolExecutor(limits.senders(), limits.senders(), 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(10_000), threads("live-sender-"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(threads("live-heartbeat-"));
        long every = limits.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        meters.ifAvailable(registry -> Gauge.builder("gateway.live.streams", open, Set::size)
                .description("open live streams (GET /events)").register(registry));
    }

    /**
     * A new stream for {@code caller}, in the signed-in {@code session}, ending when the token that expires at
     * {@code tokenExpires} (null: never) has expired. Refused beyond {@code maxPerSession} or {@code maxStreams}.
     */
    synchronized SseEmitter open(String session, Caller caller, Instant tokenExpires) {
        if (open.size() >= limits.maxStreams()) {
            throw new TooManyLiveStreams(TooManyLiveStreams.IN_ALL, limits.maxStreams(),
                    "The service holds " + limits.maxStreams() + " live streams; try again later.");
        }
        if (open.stream().filter(s -> s.session().equals(session)).count() >= limits.maxPerSession()) {
            throw new TooManyLiveStreams(TooManyLiveStreams.PER_SESSION, limits.maxPerSession(),
                    "A session may hold " + limits.maxPerSession() + " live streams; close a page and try again.");
        }
        SseEmitter emitter = new SseEmitter(lifetime(tokenExpires).toMillis());
        LiveStream registered = new LiveStream(session, caller, emitter, limits.queue(), senders, open::remove);
        open.add(registered);
        emitter.onCompletion(registered::close);
        emitter.onTimeout(() -> {
            registered.close();
            emitter.complete();
        });
        emitter.onError(failure -> registered.close());
        registered.send(SseEmitter.event().comment("open"));
        return emitter;
    }

    private Duration lifetime(Instant tokenExpires) {
        Duration lifetime = limits.maxLifetime();
        if (tokenExpires != null) {
            Duration untilExpired = Duration.between(Instant.now(), tokenExpires.plus(clockSkew));
            lifetime = untilExpired.compareTo(lifetime) < 0 ? untilExpired : lifetime;
        }
        return lifetime.isNegative() || lifetime.isZero() ? Duration.ofMillis(1) : lifetime;
    }

    /** Published by the application once the projection has written the change; never blocks the consumer. */
    @EventListener
    public void on(DashboardRowChanged changed) {
        if (open.isEmpty()) {
            return;
        }
        try {
            senders.execute(() -> tell(changed));
        } catch (RejectedExecutionException busy) {
            LOG.warn("Live streams are not told of {} of contract {}: the senders are {} tasks behind",
                    changed.change(), changed.contractId(), senders.getQueue().size());
        }
    }

    private void tell(DashboardRowChanged changed) {
        changes.change(changed).ifPresent(visible -> {
            LiveChange change = visible.change();
            for (LiveStream stream : open) {
                if (visible.visibleTo(stream.caller())) {
                    stream.send(SseEmitter.event().name(change.contractEventName()).data(change, MediaType.APPLICATION_JSON),
                            SseEmitter.event().name(DASHBOARD).data(change, MediaType.APPLICATION_JSON));
                }
            }
        });
    }

    private void beat() {
        for (LiveStream stream : open) {
            stream.send(SseEmitter.event().comment("heartbeat"));
        }
    }

    /** How many streams are open. */
    public int size() {
        return open.size();
    }

    /** How many streams the session holds. */
    public long size(String session) {
        return open.stream().filter(s -> s.session().equals(session)).count();
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        List.copyOf(open).forEach(stream -> {
            stream.close();
            stream.emitter().complete();
        });
        senders.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
