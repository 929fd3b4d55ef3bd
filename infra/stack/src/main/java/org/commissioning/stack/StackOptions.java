package org.commissioning.stack;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the local stack keeps its data and which ports it uses.
 * Command-line flags: {@code --data-dir=PATH --root=PATH --no-demo --gateway-port=N --contract-port=N --kpi-port=N
 * --rag-port=N --deepdive-port=N --kafka-port=N --kafka-controller-port=N --mongo-port=N}.
 */
public record StackOptions(Path root, Path dataDir, boolean loadDemo,
                           int kafkaPort, int kafkaControllerPort, int mongoPort,
                           int gatewayPort, int contractPort, int kpiPort, int ragPort, int deepdivePort) {

    public static StackOptions defaults() {
        return new StackOptions(Path.of("").toAbsolutePath(), Path.of("data").toAbsolutePath(), true,
                9092, 9093, 27017, 8080, 8081, 8082, 8083, 8084);
    }

    public static StackOptions parse(String... args) {
        StackOptions o = defaults();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            String value = kv.length > 1 ? kv[1] : "";
            o = switch (kv[0]) {
                case "--root" -> o.withRoot(Path.of(value).toAbsolutePath());
                case "--data-dir" -> o.withDataDir(Path.of(value).toAbsolutePath());
                case "--no-demo" -> new StackOptions(o.root, o.dataDir, false, o.kafkaPort, o.kafkaControllerPort,
                        o.mongoPort, o.gatewayPort, o.contractPort, o.kpiPort, o.ragPort, o.deepdivePort);
                case "--kafka-port" -> o.withPorts(port(value), o.kafkaControllerPort, o.mongoPort, o.gatewayPort,
                        o.contractPort, o.kpiPort, o.ragPort, o.deepdivePort);
                case "--kafka-controller-port" -> o.withPorts(o.kafkaPort, port(value), o.mongoPort, o.gatewayPort,
                        o.contractPort, o.kpiPort, o.ragPort, o.deepdivePort);
                case "--mongo-port" -> o.withPorts(o.kafkaPort, o.kafkaControllerPort, port(value), o.gatewayPort,
                        o.contractPort, o.kpiPort, o.ragPort, o.deepdivePort);
                case "--gateway-port" -> o.withPorts(o.kafkaPort, o.kafkaControllerPort, o.mongoPort, port(value),
                        o.contractPort, o.kpiPort, o.ragPort, o.deepdivePort);
                case "--contract-port" -> o.withPorts(o.kafkaPort, o.kafkaControllerPort, o.mongoPort, o.gatewayPort,
                        port(value), o.kpiPort, o.ragPort, o.deepdivePort);
                case "--kpi-port" -> o.withPorts(o.kafkaPort, o.kafkaControllerPort, o.mongoPort, o.gatewayPort,
                        o.contractPort, port(value), o.ragPort, o.deepdivePort);
                case "--rag-port" -> o.withPorts(o.kafkaPort, o.kafkaControllerPort, o.mongoPort, o.gatewayPort,
                        o.contractPort, o.kpiPort, port(value), o.deepdivePort);
                case "--deepdive-port" -> o.withPorts(o.kafkaPort, o.kafkaControllerPort, o.mongoPort, o.gatewayPort,
                        o.contractPort, o.kpiPort, o.ragPort, port(value));
                default -> throw new IllegalArgumentException("Unknown option " + arg + "; known: --data-dir=PATH "
                        + "--root=PATH --no-demo --gateway-port=N --contract-port=N --kpi-port=N --rag-port=N "
                        + "--deepdive-port=N --kafka-port=N --kafka-controller-port=N --mongo-port=N "
                        + "(" + Arrays.toString(args) + ")");
            };
        }
        return o;
    }

    public StackOptions withRoot(Path root) {
        return new StackOptions(root, dataDir, loadDemo, kafkaPort, kafkaControllerPort, mongoPort,
                gatewayPort, contractPort, kpiPort, ragPort, deepdivePort);
    }

    public StackOptions withDataDir(Path dataDir) {
        return new StackOptions(root, dataDir, loadDemo, kafkaPort, kafkaControllerPort, mongoPort,
                gatewayPort, contractPort, kpiPort, ragPort, deepdivePort);
    }

    public StackOptions withPorts(int kafka, int kafkaController, int mongo, int gateway, int contract, int kpi,
                                  int rag, int deepdive) {
        return new StackOptions(root, dataDir, loadDemo, kafka, kafkaController, mongo, gateway, contract, kpi,
                rag, deepdive);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port: '" + value + "'");
        }
    }
}
