package org.commissioning.platform.config;

import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.*}, bound once at start-up through the constructor (defaults as in {@code platform-defaults.yml}).
 *
 * @param source    CloudEvents source of the events this service publishes, e.g. /contract-service
 * @param parentPid PID of the local stack launcher; the service exits when that process is gone
 */
@ConfigurationProperties("platform")
public record PlatformProperties(@DefaultValue("/unknown") String source, Long parentPid,
                                 @DefaultValue Relay relay, @DefaultValue Axon axon, @DefaultValue Mongo mongo,
                                 @DefaultValue Consumer consumer) {

    /**
     * @param gapTimeout       how long a consumer holds records after a gap before it asks the stream's owner for the
     *                         missing events (and again each time this long has passed without them)
     * @param gapCheckInterval how often the consumers' held records are checked against the timeout
     */
    public record Consumer(@DefaultValue("30s") Duration gapTimeout, @DefaultValue("5s") Duration gapCheckInterval) {
    }

    /**
     * @param attempts publish attempts before the relay hands the event back to its tracking processor to retry later
     * @param backoff  wait before the second attempt; doubled for each further one
     */
    public record Relay(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backoff) {
    }

    /**
     * @param lookBack          how far back tracking processors look for events committed out of timestamp order. An
     *                          event committed later than this after its timestamp would be missed, so it is set well
     *                          above the time a single append takes, and consumers detect sequence gaps downstream in
     *                          any case
     * @param snapshotThreshold events an aggregate loaded for a command may replay before a snapshot of it is taken
     *                          (aggregates that name the {@code aggregateSnapshotTrigger} bean)
     * @param platformBatchSize events the platform's own tracking processors (the relay and the history chain) handle
     *                          in one unit of work, with one token update: both are idempotent, so a batch retried
     *                          after a failure repeats only publishes consumers drop and links already chained
     * @param projectionBatchSize events every other tracking processor (the services' projections, and their
     *                          rebuilds) handles in one unit of work, with one token update. A projection keys its documents by event id or
     *                          skips events at or below the sequence it has applied, so a batch retried after a
     *                          failure ends in the state it would have reached without one
     * @param cachedEvents      events the event store keeps in memory for the tracking processors that follow its head;
     *                          one behind by more reads from the store instead. Each cached event holds its tracking
     *                          token, and a MongoDB token names every event of its look-back window, so the cache's
     *                          memory is this many times the events appended in a window: Axon's default of 10,000 filled
     *                          kpi-service's heap at 75 events/s. Also the most events one fetch for the cache reads
     *                          ({@code BoundedFetchMongoEventStorageEngine})
     */
    public record Axon(@DefaultValue("10s") Duration lookBack, @DefaultValue("50") int snapshotThreshold,
                       @DefaultValue("20") int platformBatchSize, @DefaultValue("20") int projectionBatchSize,
                       @DefaultValue("500") int cachedEvents) {

        public Axon {
            if (platformBatchSize < 1 || platformBatchSize > 1000) {
                throw new IllegalArgumentException("platform.axon.platform-batch-size must be 1..1000, not "
                        + platformBatchSize);
            }
            if (projectionBatchSize < 1 || projectionBatchSize > 1000) {
                throw new IllegalArgumentException("platform.axon.projection-batch-size must be 1..1000, not "
                        + projectionBatchSize);
            }
            if (cachedEvents < 1 || cachedEvents > 10_000) {
                throw new IllegalArgumentException("platform.axon.cached-events must be 1..10000, not " + cachedEvents);
            }
        }

        /** The tracking configuration of every processor not configured otherwise: single-threaded, in batches. */
        public TrackingEventProcessorConfiguration projectionProcessors() {
            return TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(projectionBatchSize);
        }

        /** The tracking configuration of the platform's own processors: single-threaded, in batches. */
        public TrackingEventProcessorConfiguration platformProcessors() {
            return TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(platformBatchSize);
        }
    }

    /**
     * @param transactions whether MongoDB supports transactions (a replica set does; the embedded wire-protocol server
     *                     does not)
     */
    public record Mongo(@DefaultValue("false") boolean transactions) {
    }
}
