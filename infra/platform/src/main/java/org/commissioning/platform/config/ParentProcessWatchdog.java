package org.commissioning.platform.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/** Ends a service started by the local stack when the stack's process is gone, so no orphan keeps a port. */
public class ParentProcessWatchdog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parent-watchdog");
        t.setDaemon(true);
        return t;
    });

    public ParentProcessWatchdog(long parentPid) {
        executor.scheduleWithFixedDelay(() -> {
            boolean alive = ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                log.warn("Local stack process {} is gone; shutting down", parentPid);
                System.exit(0);
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
