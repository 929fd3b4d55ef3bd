package org.commissioning.stack.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The test JVM's one Playwright and one headless Chromium, closed when the JVM's tests end. Playwright downloads
 * nothing: its driver (the {@code driver} artifact's JavaScript) runs on the system's Node.js and drives the system's
 * Chromium (Debian's package, which {@code .ci/run} installs). Where either is missing, every browser test is skipped
 * with a message naming it, also written to {@code target/browser/skipped.txt}; a browser that is there but fails to
 * start fails the tests.
 */
final class Chromium implements ExtensionContext.Store.CloseableResource {

    private final String missing;
    private final Playwright playwright;
    private final Browser browser;

    private Chromium(String missing, Playwright playwright, Browser browser) {
        this.missing = missing;
        this.playwright = playwright;
        this.browser = browser;
    }

    /**
     * Launches {@code executable} headless, Playwright's driver running on {@code node}; where either is missing,
     * writes why to {@code output/skipped.txt} and gives a Chromium whose {@link #browser()} skips the test.
     */
    static Chromium launch(Path executable, Path node, Path output) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(executable)) {
            missing.add("Chromium at " + executable + " (Debian's chromium package, which .ci/run installs)");
        }
        if (!Files.isExecutable(node)) {
            missing.add("Node.js at " + node + " (PLAYWRIGHT_NODEJS_PATH; Playwright's driver runs on it)");
        }
        if (!missing.isEmpty()) {
            String reason = "Browser tests skipped: no " + String.join(", no ", missing);
            write(output.resolve("skipped.txt"), reason + System.lineSeparator());
            return new Chromium(reason, null, null);
        }
        try {
            Files.deleteIfExists(output.resolve("skipped.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                "PLAYWRIGHT_NODEJS_PATH", node.toString())));
        try {
            return new Chromium(null, playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    // the machine has no network but the loopback: Chromium's own calls home only fail and wait
                    .setArgs(List.of("--disable-quic", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run"))));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** The browser, or the test is skipped (aborted) with what is missing. */
    Browser browser() {
        if (missing != null) {
            throw new TestAbortedException(missing);
        }
        return browser;
    }

    @Override
    public void close() {
        if (playwright != null) {
            browser.close();
            playwright.close();
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
