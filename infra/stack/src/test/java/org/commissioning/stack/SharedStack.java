package org.commissioning.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one local stack the stack module's tests share in a test JVM: started on first use, with its scheduled scans
 * off and the demo data loaded once, and stopped when the JUnit Platform's launcher session ends
 * ({@link SharedStackSession}, which covers the Jupiter classes and the jqwik properties alike) or, failing that,
 * when the JVM exits.
 * <p>
 * Use it from {@code @BeforeAll} (Jupiter) or {@code @BeforeContainer} (jqwik): {@code LocalStack stack =
 * SharedStack.get();} then {@link LocalStack#gatewayUrl()}, {@link LocalStack#issuerUri()},
 * {@link LocalStack#credentials(String)} for a demo user's token, and {@link #options()} for the ports and the data
 * directory. Never close it. A test class sharing it:
 * <ul>
 *   <li>works on contracts of its own (a new id per class) or only reads the demo contracts; the demo contracts that
 *       {@code LocalStackIT} changes are NELFT (a 2019-03 return: rated GREEN, cadence QUARTERLY) and the Procurement
 *       Act 2023 contract (its 2025-04 notice confirmed), and it registers contracts of 2018 and 2019;</li>
 *   <li>counts events or lists relative to what it saw before its own calls, never absolutely: classes run in any
 *       order, each leaving its contracts behind;</li>
 *   <li>opens a deep-dive programme only for a year no other class uses (a contract registered while a programme is
 *       open joins it): 2018 is the demo's, 2024 {@code AuthorisationMatrixIT}'s;</li>
 *   <li>takes a new {@link #get()} in each class: {@code LocalStackIT} restarts the stack (same ports, same data), so
 *       an object kept from an earlier class may be a stopped one; the URLs and ports stay the same.</li>
 * </ul>
 */
public final class SharedStack {

    private static final List<String> SERVICES = List.of("contract-service", "kpi-service", "rag-service",
            "deepdive-service", "gateway");
    /** Starts tried (each on new ports) before every later {@link #get()} fails at once with the last failure. */
    private static final int ATTEMPTS = 2;

    private static LocalStack stack;
    private static StackOptions options;
    private static String demoDataLoaded;
    private static boolean stopOnExit;
    private static int failedStarts;
    private static Throwable lastFailure;

    private SharedStack() {
    }

    /** The started stack with the demo data loaded, starting it on first use (a minute or two). */
    public static synchronized LocalStack get() throws Exception {
        if (stack == null) {
            requireBuiltServices();
            if (failedStarts >= ATTEMPTS) {
                throw new IllegalStateException("The shared stack did not start in " + ATTEMPTS + " attempts; the last "
                        + "failure: " + lastFailure, lastFailure);
            }
            StackOptions fresh = StacksUnderTest.freshOptions("shared-stack");
            LocalStack started = null;
            try {
                started = StacksUnderTest.startedWithoutScans(fresh);
                demoDataLoaded = started.loadDemoData();
            } catch (Exception | AssertionError e) {
                if (started != null) {
                    started.close();
                }
                failedStarts++;
                lastFailure = e;
                throw e;
            }
            options = fresh;
            stack = started;
            if (!stopOnExit) {
                Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stop, "shared-stack-stop"));
                stopOnExit = true;
            }
        }
        return stack;
    }

    /** The shared stack's ports (gateway, each service, issuer, Kafka, MongoDB) and its data directory. */
    public static synchronized StackOptions options() throws Exception {
        get();
        return options;
    }

    /**
     * Always true: the services' scheduled scans (overdue returns, overdue meetings, contract expiry) are off, so that
     * only requests store events (see {@link StacksUnderTest#startedWithoutScans}). A test of a scan needs a stack of
     * its own.
     */
    public static boolean scansOff() {
        return true;
    }

    /** What the demo loader reported when it loaded the demo data into the new stack (its first and only load). */
    public static synchronized String demoDataLoaded() throws Exception {
        get();
        return demoDataLoaded;
    }

    /**
     * Stops the stack and starts it again on the same ports and data directory, without loading the demo data again;
     * for LocalStackIT, which shows that nothing is lost across a restart.
     */
    static synchronized LocalStack restarted() throws Exception {
        StackOptions same = options();
        stack.close();
        stack = null;
        LocalStack again = StacksUnderTest.startedWithoutScans(same);
        stack = again;
        return again;
    }

    /** Stops the stack if it was started (the services, the issuer, the broker and the database); idempotent. */
    static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    private static void requireBuiltServices() {
        for (String service : SERVICES) {
            Path jar = StacksUnderTest.ROOT.resolve(service).resolve("target")
                    .resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No executable jar of " + service + " at " + jar
                        + " (run ./mvnw verify, which packages before the stack's tests)");
            }
        }
    }
}
