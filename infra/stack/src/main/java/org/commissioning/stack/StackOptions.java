package org.commissioning.stack;

import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Where the local stack keeps its data and which ports it uses.
 * Command-line flags ({@link Flags}, parsed by picocli): {@code --data-dir=PATH --root=PATH --no-demo
 * --gateway-port=N --contract-port=N --kpi-port=N --rag-port=N --deepdive-port=N --kafka-port=N
 * --kafka-controller-port=N --mongo-port=N --issuer-port=N}; a flag given twice takes its last value.
 */
public record StackOptions(Path root, Path dataDir, boolean loadDemo,
                           int kafkaPort, int kafkaControllerPort, int mongoPort,
                           int gatewayPort, int contractPort, int kpiPort, int ragPort, int deepdivePort,
                           int issuerPort) {

    public static StackOptions defaults() {
        return new StackOptions(Path.of("").toAbsolutePath(), Path.of("data").toAbsolutePath(), true,
                9092, 9093, 27017, 8080, 8081, 8082, 8083, 8084, 9000);
    }

    /**
     * @throws IllegalArgumentException for an unknown flag, a stray argument or a value that is not a port, with a
     *                                  message that names the flag and lists the known ones
     */
    public static StackOptions parse(String... args) {
        Flags flags = new Flags();
        parse(flags, args);
        return flags.options();
    }

    /** Parses {@code args} into a picocli command object (the launcher's {@link Flags}, or one that mixes them in). */
    static void parse(Object command, String... args) {
        CommandLine cli = new CommandLine(command).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + System.lineSeparator() + cli.getUsageMessage(), e);
        }
    }

    public StackOptions withRoot(Path root) {
        return new StackOptions(root, dataDir, loadDemo, kafkaPort, kafkaControllerPort, mongoPort,
                gatewayPort, contractPort, kpiPort, ragPort, deepdivePort, issuerPort);
    }

    public StackOptions withDataDir(Path dataDir) {
        return new StackOptions(root, dataDir, loadDemo, kafkaPort, kafkaControllerPort, mongoPort,
                gatewayPort, contractPort, kpiPort, ragPort, deepdivePort, issuerPort);
    }

    public StackOptions withPorts(int kafka, int kafkaController, int mongo, int gateway, int contract, int kpi,
                                  int rag, int deepdive) {
        return new StackOptions(root, dataDir, loadDemo, kafka, kafkaController, mongo, gateway, contract, kpi,
                rag, deepdive, issuerPort);
    }

    public StackOptions withIssuerPort(int issuer) {
        return new StackOptions(root, dataDir, loadDemo, kafkaPort, kafkaControllerPort, mongoPort, gatewayPort,
                contractPort, kpiPort, ragPort, deepdivePort, issuer);
    }

    /** The launcher's flags, each defaulting to {@link #defaults()}. */
    @Command(name = "run-local.sh", sortOptions = false, showDefaultValues = true,
            description = "Starts Kafka, MongoDB and the five services on this machine and loads the demo data.")
    static final class Flags {

        private static final StackOptions DEFAULTS = defaults();

        @Option(names = "--root", paramLabel = "PATH", description = "the project's root, where the services are built")
        Path root = DEFAULTS.root();
        @Option(names = "--data-dir", paramLabel = "PATH", description = "where the broker, the database and the logs keep their data")
        Path dataDir = DEFAULTS.dataDir();
        @Option(names = "--no-demo", description = "do not load the demo data")
        boolean noDemo;
        @Option(names = "--gateway-port", paramLabel = "N", converter = Port.class)
        int gatewayPort = DEFAULTS.gatewayPort();
        @Option(names = "--contract-port", paramLabel = "N", converter = Port.class)
        int contractPort = DEFAULTS.contractPort();
        @Option(names = "--kpi-port", paramLabel = "N", converter = Port.class)
        int kpiPort = DEFAULTS.kpiPort();
        @Option(names = "--rag-port", paramLabel = "N", converter = Port.class)
        int ragPort = DEFAULTS.ragPort();
        @Option(names = "--deepdive-port", paramLabel = "N", converter = Port.class)
        int deepdivePort = DEFAULTS.deepdivePort();
        @Option(names = "--kafka-port", paramLabel = "N", converter = Port.class)
        int kafkaPort = DEFAULTS.kafkaPort();
        @Option(names = "--kafka-controller-port", paramLabel = "N", converter = Port.class)
        int kafkaControllerPort = DEFAULTS.kafkaControllerPort();
        @Option(names = "--mongo-port", paramLabel = "N", converter = Port.class)
        int mongoPort = DEFAULTS.mongoPort();
        @Option(names = "--issuer-port", paramLabel = "N", converter = Port.class,
                description = "the local OAuth2 issuer, which gives the demo users their tokens")
        int issuerPort = DEFAULTS.issuerPort();

        StackOptions options() {
            return new StackOptions(root.toAbsolutePath(), dataDir.toAbsolutePath(), !noDemo, kafkaPort,
                    kafkaControllerPort, mongoPort, gatewayPort, contractPort, kpiPort, ragPort, deepdivePort,
                    issuerPort);
        }
    }

    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // not a number: not a port either
            }
            throw new TypeConversionException("Not a port: '" + value + "'");
        }
    }
}
