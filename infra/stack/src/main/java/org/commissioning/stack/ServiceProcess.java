package org.commissioning.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One service of the platform, run as its own JVM from its executable jar, logging to a file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> properties;
    private final Path log;
    private volatile Process process;
    /** The class-data archive this run writes when it stops; null when none. */
    private Path archiving;
    /** Whether the running process was asked to stop or killed, so its end is no news. */
    private volatile boolean stopAsked;
    private volatile Consumer<Ended> whenEndedUnasked = ended -> { };

    /** A service's JVM that ended without being asked to: its name, exit code and the end of its log. */
    record Ended(String name, int exitCode, Path log, String tailOfLog) {

        String describe() {
            String why = exitCode == 3 ? ", its exit on OutOfMemoryError: a heap dump is beside its log"
                    : exitCode > 128 ? ", killed by signal " + (exitCode - 128) : "";
            return name + " stopped on its own (exit code " + exitCode + why + "); the end of " + log + ":"
                    + System.lineSeparator() + tailOfLog;
        }
    }

    ServiceProcess(String name, Path jar, int port, Map<String, String> properties, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.properties = properties;
        this.log = log;
    }

    /** Another instance of this service: the same jar and settings (database, consumer group, key) on {@code port}. */
    ServiceProcess instance(String instanceName, int instancePort) {
        return new ServiceProcess(instanceName, jar, instancePort, properties, log.resolveSibling(instanceName + ".log"));
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** What to do when the process ends without {@link #stop} or {@link #kill} having been called: a crash. */
    void whenEndedUnasked(Consumer<Ended> action) {
        whenEndedUnasked = action;
    }

    void start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No executable jar for " + name + " at " + jar
                    + ": build first with ./mvnw -DskipTests package");
        }
        Files.createDirectories(log.getParent());
        List<String> command = java(log.getParent(), System.getenv("SERVICE_OPTS"));
        ClassDataSharing.Launch launch = ClassDataSharing.launch(jar, !name.matches(".*-\\d+"));
        archiving = launch.writing();
        command.addAll(launch.arguments());
        command.addAll(List.of(
                "--server.port=" + port,
                "--platform.parent-pid=" + ProcessHandle.current().pid()));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        stopAsked = false;
        Process started = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        process = started;
        started.onExit().thenAccept(ended -> {
            // a restart replaces the process: the end of the one before is not this one's
            if (!stopAsked && ended == process) {
                whenEndedUnasked.accept(new Ended(name, ended.exitValue(), log, tailOfLog(20)));
            }
        });
    }

    /**
     * The JVM and its options for a service: a service that runs out of heap stops, leaving a heap dump in
     * {@code logDirectory} to show what filled it; {@code serviceOpts} come last, so they win.
     */
    static List<String> java(Path logDirectory, String serviceOpts) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=" + logDirectory.toAbsolutePath(), "-Dfile.encoding=UTF-8"));
        command.addAll(extraJvmOptions(serviceOpts));
        return command;
    }

    /** JVM options the environment's {@code SERVICE_OPTS} adds to every service, after the defaults so they win. */
    static List<String> extraJvmOptions(String serviceOpts) {
        return serviceOpts == null || serviceOpts.isBlank() ? List.of() : List.of(serviceOpts.strip().split("\\s+"));
    }

    /** Resident memory of the process in MiB, read from /proc (Linux); -1 where unavailable. */
    long residentMemoryMib() {
        return process == null ? -1 : residentMemoryMib(process.pid());
    }

    /** Resident memory of process {@code pid} in MiB, read from /proc (Linux); -1 where unavailable. */
    static long residentMemoryMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time (user and system) the running process has used, from /proc/{pid}/stat in clock ticks of USER_HZ, which
     * Linux fixes at 100 for /proc; 0 where unavailable.
     */
    long cpuNanos() {
        if (process == null) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    boolean isReady() {
        if (!isAlive()) {
            return false;
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The process id of the running JVM; -1 before the first start. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** SIGKILL: the JVM ends at once, with no shutdown hook run (a crash); returns once it has ended. */
    void kill() throws InterruptedException {
        if (process != null) {
            stopAsked = true;
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            if (archiving != null) {
                ClassDataSharing.discard(archiving);
            }
        }
    }

    /** SIGSTOP: the JVM is frozen (no thread runs, its sockets stay open) until {@link #resume()}. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a paused JVM runs on. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (!isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .redirectErrorStream(true).start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " (" + name + ") failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
    }

    /** How much longer a run that writes its class-data archive is given to stop. */
    private static final Duration ARCHIVE_WRITING = Duration.ofMinutes(2);

    /** Asks the service to stop (SIGTERM: Spring shuts down gracefully), then kills it after the grace period. */
    void stop(Duration grace) {
        if (process == null) {
            return;
        }
        stopAsked = true;
        process.destroy();
        Duration wait = archiving == null ? grace : grace.plus(ARCHIVE_WRITING);
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                if (archiving != null) {
                    ClassDataSharing.discard(archiving);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String tailOfLog(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
