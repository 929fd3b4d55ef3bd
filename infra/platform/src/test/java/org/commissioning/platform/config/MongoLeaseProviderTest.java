package org.commissioning.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.bson.Document;
import org.commissioning.platform.InProcessMongo;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;

/** Leases of scheduled scans on the MongoDB wire-protocol server, through the real driver. */
class MongoLeaseProviderTest {

    final MongoCollection<Document> leases = InProcessMongo.newDatabase("leases").getCollection("shedLock");
    final MongoLeaseProvider one = new MongoLeaseProvider(leases, "one");
    final MongoLeaseProvider other = new MongoLeaseProvider(leases, "other");

    static LockConfiguration lease(String name, Duration atMost, Duration atLeast) {
        return new LockConfiguration(Instant.now(), name, atMost, atLeast);
    }

    @Test
    void aLeaseHeldByOneInstanceIsRefusedToAnotherUntilItIsReleased() {
        Optional<SimpleLock> held = one.lock(lease("scan-a", Duration.ofMinutes(10), Duration.ZERO));
        assertThat(held).isPresent();
        assertThat(other.lock(lease("scan-a", Duration.ofMinutes(10), Duration.ZERO))).isEmpty();
        assertThat(other.lock(lease("scan-b", Duration.ofMinutes(10), Duration.ZERO))).isPresent();

        held.get().unlock();

        assertThat(other.lock(lease("scan-a", Duration.ofMinutes(10), Duration.ZERO))).isPresent();
        assertThat(leases.find(new Document("_id", "scan-a")).first().getString("lockedBy")).isEqualTo("other");
    }

    @Test
    void aReleasedLeaseIsStillHeldForItsMinimumAndALeaseRunsOutAtItsMaximum() {
        one.lock(lease("scan-c", Duration.ofMinutes(10), Duration.ofMinutes(5))).orElseThrow().unlock();
        assertThat(other.lock(lease("scan-c", Duration.ofMinutes(10), Duration.ZERO))).isEmpty();

        assertThat(one.lock(lease("scan-d", Duration.ofMillis(1), Duration.ZERO))).isPresent();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                other.lock(lease("scan-d", Duration.ofMinutes(10), Duration.ZERO)).isPresent());
    }

    @Test
    void ofEightInstancesAskingAtOnceExactlyOneGetsTheLease() throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> asks = IntStream.range(0, 8)
                    .<Callable<Boolean>>mapToObj(i -> () -> new MongoLeaseProvider(leases, "instance-" + i)
                            .lock(lease("scan-e", Duration.ofMinutes(10), Duration.ZERO)).isPresent())
                    .toList();
            long granted = 0;
            for (Future<Boolean> answer : instances.invokeAll(asks)) {
                granted += answer.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            instances.shutdown();
        }
    }
}
