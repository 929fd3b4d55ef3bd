package org.commissioning.testsupport;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** Tasks started at the same moment, each on a thread of its own (as instances of a service would), awaited. */
public final class Concurrently {

    private Concurrently() {
    }

    public static void run(Runnable... tasks) {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<?>[] running = Arrays.stream(tasks)
                .map(task -> CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    task.run();
                }, runnable -> new Thread(runnable).start()))
                .toArray(CompletableFuture[]::new);
        start.countDown();
        CompletableFuture.allOf(running).join();
    }
}
