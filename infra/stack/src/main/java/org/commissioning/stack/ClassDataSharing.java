package org.commissioning.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application class-data sharing for the services the stack starts (JDK 17's dynamic CDS archives): a service's
 * executable jar is extracted once ({@code -Djarmode=tools extract}, Spring Boot's layout of plain jars, which CDS can
 * archive, unlike classes in nested jars) into {@code <service>/target/cds/}; its first run writes the classes it
 * loaded into {@code app.jsa} when it stops ({@code -XX:ArchiveClassesAtExit}), and every later run maps them
 * ({@code -XX:SharedArchiveFile}) instead of loading and verifying them again. A new build of the jar is extracted
 * again and archived anew. Writing the archive takes a while when the service stops (seconds, more on a busy machine),
 * so a run that writes it is given longer to stop ({@link ServiceProcess}). Whatever fails here, the service starts from its jar as before; an archive the JVM finds
 * unusable it ignores ({@code -Xshare:auto}). Off with {@code -Dstack.cds=false}.
 */
final class ClassDataSharing {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);
    private static final boolean ENABLED = !"false".equals(System.getProperty("stack.cds"));

    private ClassDataSharing() {
    }

    /**
     * How to start a service.
     *
     * @param arguments the JVM options and the jar
     * @param writing   the archive this run writes when it stops; null when it writes none
     */
    record Launch(List<String> arguments, Path writing) {

        static Launch plain(Path jar) {
            return new Launch(List.of("-jar", jar.toString()), null);
        }
    }

    /**
     * The JVM options and the jar to start {@code jar} with.
     *
     * @param archives whether this run may write the archive (one instance of a service; the others only read it)
     */
    static synchronized Launch launch(Path jar, boolean archives) {
        if (!ENABLED) {
            return Launch.plain(jar);
        }
        try {
            Path dir = jar.resolveSibling("cds");
            Path extracted = dir.resolve("app");
            Path stamp = dir.resolve("extracted-from");
            Path archive = dir.resolve("app.jsa");
            String source = jar.getFileName() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(source)) {
                delete(dir);
                Files.createDirectories(dir);
                Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                        "--destination", extracted.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("extract.log").toFile()).start();
                if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                    extract.destroyForcibly();
                    log.warn("{} could not be extracted for class-data sharing (see {}): started from its jar", jar,
                            dir.resolve("extract.log"));
                    return Launch.plain(jar);
                }
                Files.writeString(stamp, source);
            }
            Path app = extracted.resolve(jar.getFileName());
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return new Launch(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off", "-jar", app.toString()), null);
            }
            Files.deleteIfExists(archive);
            return archives ? new Launch(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off", "-jar", app.toString()), archive)
                    : new Launch(List.of("-jar", app.toString()), null);
        } catch (IOException e) {
            log.warn("Class-data sharing not set up for {}: {}", jar, e.toString());
            return Launch.plain(jar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Launch.plain(jar);
        }
    }

    /** Drops an archive a stopped run may have left half-written (it was killed before it had written it). */
    static void discard(Path archive) {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            log.warn("{} could not be deleted: {}", archive, e.toString());
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
