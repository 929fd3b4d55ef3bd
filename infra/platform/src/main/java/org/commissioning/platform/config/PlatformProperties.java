package org.commissioning.platform.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("platform")
public class PlatformProperties {

    /** CloudEvents source of the events this service publishes, e.g. /contract-service. */
    private String source = "/unknown";

    /** PID of the local stack launcher; the service exits when that process is gone. */
    private Long parentPid;

    private final Relay relay = new Relay();
    private final Axon axon = new Axon();
    private final Mongo mongo = new Mongo();

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Long getParentPid() {
        return parentPid;
    }

    public void setParentPid(Long parentPid) {
        this.parentPid = parentPid;
    }

    public Relay getRelay() {
        return relay;
    }

    public Axon getAxon() {
        return axon;
    }

    public Mongo getMongo() {
        return mongo;
    }

    public static class Relay {

        /** Publish attempts before the relay hands the event back to its tracking processor to retry later. */
        private int attempts = 3;

        /** Wait before the second attempt; doubled for each further one. */
        private Duration backoff = Duration.ofMillis(500);

        public int getAttempts() {
            return attempts;
        }

        public void setAttempts(int attempts) {
            this.attempts = attempts;
        }

        public Duration getBackoff() {
            return backoff;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }
    }

    public static class Axon {

        /**
         * How far back tracking processors look for events committed out of timestamp order.
         * An event committed later than this after its timestamp would be missed, so it is set well above
         * the time a single append takes, and consumers detect sequence gaps downstream in any case.
         */
        private Duration lookBack = Duration.ofSeconds(10);

        /**
         * Events an aggregate loaded for a command may replay before a snapshot of it is taken (aggregates that name
         * the {@code aggregateSnapshotTrigger} bean).
         */
        private int snapshotThreshold = 50;

        public int getSnapshotThreshold() {
            return snapshotThreshold;
        }

        public void setSnapshotThreshold(int snapshotThreshold) {
            this.snapshotThreshold = snapshotThreshold;
        }

        public Duration getLookBack() {
            return lookBack;
        }

        public void setLookBack(Duration lookBack) {
            this.lookBack = lookBack;
        }
    }

    public static class Mongo {

        /** Whether MongoDB supports transactions (a replica set does; the embedded wire-protocol server does not). */
        private boolean transactions;

        public boolean isTransactions() {
            return transactions;
        }

        public void setTransactions(boolean transactions) {
            this.transactions = transactions;
        }
    }
}
