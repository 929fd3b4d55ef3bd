package org.commissioning.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every golden sample of an event under {@code golden/} (the JSON files with a CloudEvents {@code specversion}). */
final class GoldenSamples {

    private GoldenSamples() {
    }

    static List<Path> all() {
        try {
            Path root = Path.of(GoldenSamples.class.getClassLoader().getResource("golden").toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".json")).filter(GoldenSamples::isEvent).sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String name(Path sample) {
        return sample.getParent().getFileName() + "/" + sample.getFileName();
    }

    static byte[] bytes(Path sample) {
        try {
            return Files.readAllBytes(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEvent(Path file) {
        return new String(bytes(file)).contains("\"specversion\"");
    }
}
