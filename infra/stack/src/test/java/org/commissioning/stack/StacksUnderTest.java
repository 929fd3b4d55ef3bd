package org.commissioning.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.commissioning.embedded.KafkaBroker;

/** The local stack as the stack's tests start it: the built services, free ports, a new data directory. */
final class StacksUnderTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private StacksUnderTest() {
    }

    /** Free ports (the issuer's too) in a new temporary data directory named {@code prefix...}. */
    static StackOptions freshOptions(String prefix) throws Exception {
        return StackOptions.defaults().withRoot(ROOT).withDataDir(Files.createTempDirectory(prefix))
                .withPorts(KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(),
                        KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(),
                        KafkaBroker.freePort())
                .withIssuerPort(KafkaBroker.freePort());
    }

    /**
     * A started stack with its scheduled scans off: they would store events of their own while a test counts the
     * events its requests stored.
     */
    static LocalStack startedWithoutScans(StackOptions options) throws Exception {
        LocalStack stack = new LocalStack(options, Map.of(
                "kpi.returns.overdue-scan.enabled", "false",
                "contract.expiry.enabled", "false",
                "contract.monitoring.scan-interval", "PT1000H"));
        try {
            stack.start();
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return stack;
    }
}
