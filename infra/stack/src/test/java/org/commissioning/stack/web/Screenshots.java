package org.commissioning.stack.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;

/** PNG screenshots of whole pages, for failures and for the README ({@code docs/screenshots/}). */
public final class Screenshots {

    /** Where the README's screenshots are committed, at the root of the repository. */
    public static final Path DOCS = Path.of("../..").toAbsolutePath().normalize().resolve("docs").resolve("screenshots");

    private Screenshots() {
    }

    /** Writes the whole of {@code page} (not only the viewport) to {@code png}, creating its directory. */
    public static Path screenshot(Page page, Path png) {
        page.screenshot(new Page.ScreenshotOptions().setPath(png).setFullPage(true).setAnimations(ScreenshotAnimations.DISABLED));
        return png;
    }

    /** Writes {@code page} to {@code docs/screenshots/<name>.png}, which the README shows. */
    public static Path forReadme(Page page, String name) {
        return screenshot(page, DOCS.resolve(name + ".png"));
    }
}
