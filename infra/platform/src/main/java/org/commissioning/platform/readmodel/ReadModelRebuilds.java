package org.commissioning.platform.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import com.mongodb.client.model.IndexOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.bson.Document;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.platform.readmodel.ReadModelCollections.Generation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Rebuilds a read model without downtime, one at a time. The read model's projection runs a second time, from the
 * start of the event store, into a new collection {@code <name>_<n+1>} through a tracking processor of its own
 * ({@code <processing group>.rebuild-<n+1>}, its token in memory) while the live processor keeps the live collection
 * up to date and every read is served from it. Once the rebuild has caught up with the live processor, the live
 * processor is paused, the rebuild handles the events the live one had handled last, the read model is switched to the
 * new collection (one update of its {@code read_models} document) and the live processor resumes from the rebuild's
 * position, writing the new collection. The collection served before is kept until the next rebuild of the read
 * model drops it. A rebuild that fails or does not catch up within the pause limit leaves the read model as it was
 * and drops its half-built collection; the operator starts it again.
 */
public class ReadModelRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    private static final String ID_INDEX = "_id_";

    public enum State { NEVER, CATCHING_UP, SWITCHING, DONE, FAILED }

    private final Map<String, RebuildableReadModel> readModels = new LinkedHashMap<>();
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    private final ReadModelCollections collections;
    private final MongoTemplate mongo;
    private final Configuration axon;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final LongSupplier eventsInStore;
    private final TransactionManager transactionManager;
    private final Duration logEvery;
    private final Duration pauseLimit;
    private final int batchSize;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private String running;
    private volatile boolean cancelled;

    public ReadModelRebuilds(Collection<RebuildableReadModel> readModels, ReadModelCollections collections,
                             MongoTemplate mongo, Configuration axon,
                             StreamableMessageSource<TrackedEventMessage<?>> events, LongSupplier eventsInStore,
                             TransactionManager transactionManager, MeterRegistry registry, Duration logEvery,
                             Duration pauseLimit) {
        this(readModels, collections, mongo, axon, events, eventsInStore, transactionManager, registry, logEvery,
                pauseLimit, 1);
    }

    /** @param batchSize events a rebuild handles in one unit of work, with one write of its token */
    public ReadModelRebuilds(Collection<RebuildableReadModel> readModels, ReadModelCollections collections,
                             MongoTemplate mongo, Configuration axon,
                             StreamableMessageSource<TrackedEventMessage<?>> events, LongSupplier eventsInStore,
                             TransactionManager transactionManager, MeterRegistry registry, Duration logEvery,
                             Duration pauseLimit, int batchSize) {
        this.batchSize = batchSize;
        readModels.forEach(r -> this.readModels.put(r.name(), r));
        this.collections = collections;
        this.mongo = mongo;
        this.axon = axon;
        this.events = events;
        this.eventsInStore = eventsInStore;
        this.transactionManager = transactionManager;
        this.logEvery = logEvery;
        this.pauseLimit = pauseLimit;
        this.readModels.keySet().forEach(name -> {
            Progress p = new Progress(name);
            progress.put(name, p);
            Gauge.builder("platform.rebuild.progress", p, Progress::fraction).tag("readModel", name)
                    .description("Share of the event store's events the read model's last rebuild has handled (0..1)")
                    .register(registry);
            Gauge.builder("platform.rebuild.eta", p, Progress::etaSeconds).tag("readModel", name).baseUnit("seconds")
                    .description("Estimated time until the read model's running rebuild has caught up")
                    .register(registry);
        });
    }

    /** Every rebuildable read model: where it is served from and how its last rebuild went. */
    public List<ReadModelState> readModels() {
        return readModels.keySet().stream().map(this::state).toList();
    }

    public ReadModelState state(String name) {
        Generation live = collections.current(name);
        return new ReadModelState(name, live.collection(), live.generation(), live.previous(),
                progress.get(name).snapshot());
    }

    /**
     * Starts rebuilding the read model in the background.
     *
     * @throws RuleViolationException  for a name that is not a rebuildable read model (400, field readModel)
     * @throws StateConflictException  while a rebuild is running (409)
     */
    public synchronized ReadModelState start(String name) {
        RebuildableReadModel model = name == null ? null : readModels.get(name);
        if (model == null) {
            throw new RuleViolationException("unknown-read-model", "readModel", "No rebuildable read model is named '"
                    + name + "'; the read models are " + readModels.keySet());
        }
        if (running != null) {
            throw new StateConflictException("one-rebuild-at-a-time", State.CATCHING_UP.name(),
                    "The read model " + running + " is being rebuilt; start another once it has switched");
        }
        requireProcessedHere(model);
        running = name;
        cancelled = false;
        Progress p = progress.get(name);
        p.starting(clock.instant());
        runner.submit(() -> {
            try {
                rebuild(model, p);
            } catch (java.util.concurrent.CancellationException e) {
                p.failed(e, clock.instant());
                log.info("Rebuild of read model {} cancelled; it is still served from {}", name,
                        collections.live(name));
            } catch (Exception e) {
                p.failed(e, clock.instant());
                log.error("Rebuild of read model {} failed; it is still served from {}: {}", name,
                        collections.live(name), e.toString(), e);
            } finally {
                finished();
            }
        });
        return state(name);
    }

    /**
     * Stops the running rebuild before it switches: the read model stays as it is served and the half-built
     * collection is dropped.
     *
     * @throws StateConflictException when no rebuild is running (409)
     */
    public synchronized ReadModelState cancel() {
        if (running == null) {
            throw new StateConflictException("no-rebuild-running", "IDLE", "No read model is being rebuilt");
        }
        cancelled = true;
        return state(running);
    }

    private synchronized void finished() {
        running = null;
    }

    private TrackingEventProcessor liveProcessor(RebuildableReadModel model) {
        return axon.eventProcessingConfiguration()
                .eventProcessorByProcessingGroup(model.processingGroup(), TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor for processing group "
                        + model.processingGroup()));
    }

    /** The live processor can be paused only where it runs: on the instance that holds every segment's token. */
    private void requireProcessedHere(RebuildableReadModel model) {
        TrackingEventProcessor live = liveProcessor(model);
        int segments = axon.eventProcessingConfiguration().tokenStore(live.getName())
                .fetchSegments(live.getName()).length;
        int here = live.processingStatus().size();
        if (here < segments) {
            throw new StateConflictException("live-processor-elsewhere", "PROCESSED_ELSEWHERE", "This instance "
                    + "processes " + here + " of the " + segments + " segments of " + live.getName() + ", which keeps "
                    + model.name() + " up to date; start the rebuild on the instance that processes them");
        }
    }

    private void rebuild(RebuildableReadModel model, Progress p) throws Exception {
        String name = model.name();
        TrackingEventProcessor live = liveProcessor(model);
        TokenStore liveTokens = axon.eventProcessingConfiguration().tokenStore(live.getName());
        Generation current = collections.current(name);
        int generation = current.generation() + 1;
        String target = ReadModelCollections.collectionOf(name, generation);
        if (current.previous() != null && !current.previous().equals(current.collection())) {
            mongo.dropCollection(current.previous());
            log.info("Dropped {}, the collection read model {} was served from before its last rebuild",
                    current.previous(), name);
        }
        mongo.dropCollection(target);
        copyIndexes(current.collection(), target);
        long total = eventsInStore.getAsLong();
        CountingMessageSource counted = new CountingMessageSource(events);
        p.catchingUp(target, total, counted);
        InMemoryTokenStore rebuildTokens = new InMemoryTokenStore();
        Object handlers = model.handlersWritingTo().apply(target);
        TrackingEventProcessor rebuild = TrackingEventProcessor.builder()
                .name(model.processingGroup() + ".rebuild-" + generation)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(handlers)
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .handlerDefinition(axon.handlerDefinition(handlers.getClass()))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(counted)
                .tokenStore(rebuildTokens)
                .transactionManager(transactionManager)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        log.info("Rebuilding read model {} into {} from the {} events in the store, while {} keeps serving it", name,
                target, total, current.collection());
        boolean switched = false;
        rebuild.start();
        try {
            Instant nextLog = clock.instant().plus(logEvery);
            while (!caughtUp(rebuild) || !covers(token(rebuild), liveTokens(live))) {
                if (cancelled) {
                    throw new java.util.concurrent.CancellationException("Cancelled by an operator");
                }
                if (!rebuild.isRunning() && !rebuild.isError()) {
                    throw new IllegalStateException("The rebuild's processor stopped");
                }
                failing(p, rebuild);
                if (!clock.instant().isBefore(nextLog)) {
                    report(p);
                    nextLog = clock.instant().plus(logEvery);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            p.switching();
            report(p);
            live.shutDown();
            try {
                List<TrackingToken> paused = pausedTokens(live.getName(), liveTokens);
                Instant limit = clock.instant().plus(pauseLimit);
                while (!covers(token(rebuild), paused)) {
                    if (clock.instant().isAfter(limit)) {
                        throw new TimeoutException("The rebuild did not reach the paused live processor's position "
                                + "within " + pauseLimit);
                    }
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                rebuild.shutDown();
                TrackingToken reached = rebuildTokens.fetchToken(rebuild.getName(), 0);
                collections.switchTo(name, new Generation(target, generation, current.collection()));
                switched = true;
                try {
                    for (int segment : liveTokens.fetchSegments(live.getName())) {
                        liveTokens.storeToken(reached, live.getName(), segment);
                    }
                } catch (UnableToClaimTokenException e) {
                    // the handlers are idempotent: events handled by the rebuild are handled again, to the same effect
                    log.warn("Another instance claimed {} while it was paused; it goes on from its own position, "
                            + "writing {}: {}", live.getName(), target, e.getMessage());
                }
            } finally {
                live.start();
            }
            p.done(clock.instant());
            log.info("Read model {} is served from {} (rebuilt from {} events in {}); {} is kept until its next "
                            + "rebuild",
                    name, target, counted.count(), Duration.between(p.startedAt, clock.instant()),
                    current.collection());
        } finally {
            rebuild.shutDown();
            if (!switched) {
                mongo.dropCollection(target);
            }
        }
    }

    /**
     * The indexes the live collection has, made on the new one before it is filled, so that the reads it serves once
     * switched to are served as before (and a unique index refuses there what it refused here).
     */
    private void copyIndexes(String live, String target) {
        for (Document index : mongo.getCollection(live).listIndexes()) {
            String indexName = index.getString("name");
            if (ID_INDEX.equals(indexName)) {
                continue;
            }
            IndexOptions options = new IndexOptions().name(indexName)
                    .unique(Boolean.TRUE.equals(index.get("unique")))
                    .sparse(Boolean.TRUE.equals(index.get("sparse")));
            mongo.getCollection(target).createIndex(index.get("key", Document.class), options);
        }
    }

    private void report(Progress p) {
        Progress.Snapshot s = p.snapshot();
        log.info("Rebuilding read model {} into {}: {}% ({} of {} events), ETA {}s", s.readModel(), s.collection(),
                Math.round(s.progress() * 1000) / 10.0, s.processed(), s.total(), Math.round(s.etaSeconds()));
    }

    /**
     * A handler that keeps failing is retried (with back-off) and shown until it
     * succeeds or the rebuild is cancelled.
     */
    private static void failing(Progress p, TrackingEventProcessor rebuild) {
        EventTrackerStatus status = rebuild.processingStatus().get(0);
        String error = status != null && status.isErrorState() && status.getError() != null
                ? status.getError().toString() : null;
        if (error != null && !error.equals(p.error)) {
            log.warn("Rebuild of read model {} is failing and will be retried until cancelled "
                    + "(DELETE /actuator/rebuild): {}", p.readModel, error);
        }
        p.error = error;
    }

    private static boolean caughtUp(TrackingEventProcessor processor) {
        EventTrackerStatus status = processor.processingStatus().get(0);
        return status != null && status.isCaughtUp();
    }

    private static TrackingToken token(TrackingEventProcessor processor) {
        EventTrackerStatus status = processor.processingStatus().get(0);
        return status == null ? null : status.getTrackingToken();
    }

    private static List<TrackingToken> liveTokens(TrackingEventProcessor live) {
        return live.processingStatus().values().stream().map(EventTrackerStatus::getTrackingToken).toList();
    }

    private static List<TrackingToken> pausedTokens(String processor, TokenStore tokens) {
        return java.util.Arrays.stream(tokens.fetchSegments(processor))
                .mapToObj(segment -> tokens.fetchToken(processor, segment)).toList();
    }

    /** Whether the rebuild has handled every event each live segment has. */
    private static boolean covers(TrackingToken rebuild, List<TrackingToken> live) {
        return live.stream().allMatch(token -> token == null
                || rebuild != null && WrappedToken.unwrapUpperBound(rebuild)
                .covers(WrappedToken.unwrapUpperBound(token)));
    }

    /** Stops a running rebuild's thread when the application stops (the live processor is left as it was). */
    public void shutdown() {
        runner.shutdownNow();
    }

    public record ReadModelState(String readModel, String liveCollection, int generation, String previousCollection,
                                 Progress.Snapshot lastRebuild) {
    }

    /** The progress of a read model's last rebuild, read by the gauges, the log and the endpoint. */
    public static final class Progress {

        private final String readModel;
        private volatile State state = State.NEVER;
        private volatile String collection;
        private volatile long total;
        private volatile CountingMessageSource counted;
        private volatile Instant startedAt;
        private volatile Instant finishedAt;
        private volatile String error;

        Progress(String readModel) {
            this.readModel = readModel;
        }

        void starting(Instant at) {
            state = State.CATCHING_UP;
            startedAt = at;
            finishedAt = null;
            error = null;
            counted = null;
            total = 0;
        }

        void catchingUp(String collection, long total, CountingMessageSource counted) {
            this.collection = collection;
            this.total = total;
            this.counted = counted;
        }

        void switching() {
            state = State.SWITCHING;
        }

        void done(Instant at) {
            state = State.DONE;
            finishedAt = at;
        }

        void failed(Exception e, Instant at) {
            state = State.FAILED;
            finishedAt = at;
            error = e.toString();
        }

        long processed() {
            CountingMessageSource c = counted;
            return c == null ? 0 : c.count();
        }

        double fraction() {
            if (state == State.DONE) {
                return 1.0;
            }
            long all = total;
            return all == 0 ? 0.0 : Math.min(1.0, (double) processed() / all);
        }

        double etaSeconds() {
            if (state != State.CATCHING_UP && state != State.SWITCHING) {
                return 0;
            }
            long done = processed();
            Instant started = startedAt;
            double seconds = started == null ? 0 : Duration.between(started, Instant.now()).toMillis() / 1000.0;
            if (done == 0 || seconds <= 0) {
                return Double.NaN;
            }
            return Math.max(0, total - done) / (done / seconds);
        }

        /** Events appended while it runs count in the total once the rebuild has read past the count it began with. */
        Snapshot snapshot() {
            long processed = processed();
            return new Snapshot(readModel, state, collection, processed, Math.max(total, processed), fraction(),
                    Optional.of(etaSeconds()).filter(d -> !d.isNaN()).orElse(0.0), startedAt, finishedAt, error);
        }

        /**
         * @param collection the collection being (or last) built
         * @param processed  events the rebuild has read from the store
         * @param total      events in the store when it started, or the events processed once more than that
         */
        public record Snapshot(String readModel, State state, String collection, long processed, long total,
                               double progress, double etaSeconds, Instant startedAt, Instant finishedAt,
                               String error) {
        }
    }
}
