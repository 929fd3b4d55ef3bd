package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What a projection owes a tracking processor that handles its events in batches on a store without transactions: a
 * batch that fails after its k-th event leaves e1..ek applied and its token unwritten, and is applied again from e1.
 * However it fails, the projection must end in the state one application of the events gives.
 */
public final class RetriedBatches {

    private static final int FIRST_PART = 3;

    private RetriedBatches() {
    }

    /**
     * Applies the events again to {@code applied} (whole, then e1..e3 and the rest), then, for every k, e1..ek and
     * then e1..en to a fresh projection, and asserts that each ends with the documents {@code applied} has now.
     *
     * @param applied  a projection that has had {@code events} applied once
     * @param fresh    a projection over empty collections (it empties them)
     * @param apply    applies events to a projection, in order
     * @param snapshot the projection's documents now, each collection's sorted by {@code _id}
     */
    public static <P, E> void assertEachRetryEndsAsOneApplication(P applied, List<E> events, Supplier<P> fresh,
                                                                  BiConsumer<P, List<E>> apply, Supplier<?> snapshot) {
        Object once = snapshot.get();
        int n = events.size();
        apply.accept(applied, events);
        assertThat(snapshot.get()).as("e1..e%d applied again", n).isEqualTo(once);
        int first = Math.min(FIRST_PART, n);
        apply.accept(applied, events.subList(0, first));
        apply.accept(applied, events.subList(first, n));
        assertThat(snapshot.get()).as("e1..e%d applied again, then e%d..e%d", first, first + 1, n).isEqualTo(once);

        List<Integer> differing = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            P retried = fresh.get();
            apply.accept(retried, events.subList(0, k));
            apply.accept(retried, events);
            if (!snapshot.get().equals(once)) {
                differing.add(k);
            }
        }
        assertThat(differing).as("the k after which e1..ek, then e1..e%d, differ from e1..e%d applied once", n, n)
                .isEmpty();
    }
}
