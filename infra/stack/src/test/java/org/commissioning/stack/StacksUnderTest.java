package org.commissioning.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.commissioning.embedded.KafkaBroker;

/** The local stack as the stack's tests start it: the built services, free ports, a new data directory. */
public final class StacksUnderTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private StacksUnderTest() {
    }

    /** Free ports (the issuer's too) in a new temporary data directory named {@code prefix...}. */
    public static StackOptions freshOptions(String prefix) throws Exception {
        return StackOptions.defaults().withRoot(ROOT).withDataDir(Files.createTempDirectory(prefix))
                .withPorts(listenPort(), listenPort(), listenPort(), listenPort(), listenPort(), listenPort(),
                        listenPort(), listenPort())
                .withIssuerPort(listenPort());
    }

    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    /**
     * A port free now and below Linux's ephemeral range (32768-60999): a port the kernel hands out for port 0 lies
     * in that range, where the stack's own outgoing connections (Kafka's, the driver's) may take it before the
     * process meant to listen on it starts, and the start then fails with "port in use".
     */
    static int listenPort() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20000, 32000);
            if (GIVEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                GIVEN.add(port);
                return port;
            } catch (IOException busy) {
                // try another
            }
        }
        return KafkaBroker.freePort();
    }

    /**
     * How long the tests' stack may take to start: the stack's tests share one, started once, so patience costs
     * nothing when the machine is quick, and a busy one (2 cores shared with other builds) took over 3 minutes.
     */
    static final Duration READY_WITHIN = Duration.ofMinutes(6);

    /**
     * A started stack with its scheduled scans off: they would store events of their own while a test counts the
     * events its requests stored.
     */
    public static LocalStack startedWithoutScans(StackOptions options) throws Exception {
        LocalStack stack = new LocalStack(options, Map.of(
                "kpi.returns.overdue-scan.enabled", "false",
                "contract.expiry.enabled", "false",
                "contract.monitoring.scan-interval", "PT1000H"));
        try {
            stack.start(READY_WITHIN);
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return stack;
    }
}
