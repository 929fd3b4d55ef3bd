package org.commissioning.stack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import com.microsoft.playwright.Page;

/** The browser harness itself, on pages the tests write (no stack): what page tests rely on it for. */
@ExtendWith(Browsers.class)
class BrowserHarnessIT {

    private static volatile boolean examplesRunning;

    @TempDir
    Path output;

    @Test
    void theAccessibilityCheckListsEachViolatedRuleWithItsElements(Browsing browsing) {
        Page page = browsing.newVisitor();
        page.setContent("<!doctype html><html lang='en'><head><title>Returns</title></head><body><main>"
                + "<h1>Returns</h1><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' id='chart'>"
                + "<form><input type='text' name='value' id='value'></form></main></body></html>");

        assertThatThrownBy(() -> Accessibility.assertNoWcagViolations(page))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 WCAG 2 A/AA violation(s)")
                .hasMessageContaining("image-alt (critical)")
                .hasMessageContaining("#chart")
                .hasMessageContaining("label (critical)")
                .hasMessageContaining("#value");
    }

    @Test
    void theAccessibilityCheckPassesAPageWithLabelsHeadersAndContrast(Browsing browsing) {
        Page page = browsing.newVisitor();
        page.setContent("<!doctype html><html lang='en'><head><title>Returns</title></head><body><main>"
                + "<h1>Returns</h1><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' alt='Ratings by month'>"
                + "<form><label for='value'>Value</label><input type='text' name='value' id='value'></form>"
                + "<table><caption>KPIs</caption><thead><tr><th scope='col'>Month</th><th scope='col'>Rating</th>"
                + "</tr></thead><tbody><tr><td>2018-04</td><td>Green</td></tr></tbody></table></main></body></html>");

        Accessibility.assertNoWcagViolations(page);
    }

    @Test
    void aScreenshotIsTheWholePageAsPng(Browsing browsing) throws Exception {
        Page page = browsing.newVisitor();
        page.setContent("<!doctype html><html lang='en'><body style='margin:0'>"
                + "<div style='height:2400px;background:#1d70b8'>tall</div></body></html>");

        Path png = Screenshots.screenshot(page, output.resolve("shots").resolve("tall.png"));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).as("the whole page, not the 900 px viewport").isEqualTo(2400);
    }

    @Test
    void aFailingTestLeavesItsOpenPagesAsPngAndHtml() throws Exception {
        Events tests = runExample(FailsOnAPage.class, Browsers.OUTPUT, output.toString());

        tests.assertThatEvents().haveExactly(1, event(test("opensAPageAndFails"),
                finishedWithFailure(message("the page says hello"))));
        String name = "FailsOnAPage.opensAPageAndFails";
        assertThat(ImageIO.read(output.resolve(name + ".png").toFile())).isNotNull();
        assertThat(Files.readString(output.resolve(name + ".html"))).contains("Hello from the failing page");
        assertThat(output.resolve(name + "-2.png")).as("the second person's page").exists();
        assertThat(Files.readString(output.resolve("FailsOnAPage.failsOnEachPage[2].html"))).contains("Page 2");
        assertThat(Files.readString(output.resolve("FailsOnAPage.failsOnEachPage[1].html"))).contains("Page 1");
    }

    @Test
    void withoutChromiumTheTestsAreSkippedNamingIt() throws Exception {
        Path nowhere = output.resolve("no-such-chromium");

        Events tests = runExample(NeedsABrowser.class, Browsers.EXECUTABLE, nowhere.toString());

        String reason = "Browser tests skipped: no Chromium at " + nowhere;
        tests.assertThatEvents().haveExactly(1, event(test("opensAPage"),
                abortedWithReason(message(m -> m.startsWith(reason)))));
        assertThat(Files.readString(output.resolve("skipped.txt"))).startsWith(reason);
    }

    private Events runExample(Class<?> example, String key, String value) {
        examplesRunning = true;
        try {
            return EngineTestKit.engine("junit-jupiter")
                    .configurationParameter(Browsers.OUTPUT, output.toString())
                    .configurationParameter(key, value)
                    .selectors(selectClass(example))
                    .execute().testEvents();
        } finally {
            examplesRunning = false;
        }
    }

    static boolean examplesRunning() {
        return examplesRunning;
    }

    @ExtendWith(Browsers.class)
    @EnabledIf("org.commissioning.stack.web.BrowserHarnessIT#examplesRunning")
    static class FailsOnAPage {
        @Test
        void opensAPageAndFails(Browsing browsing) {
            browsing.newVisitor().setContent("<html lang='en'><body><p>Hello from the failing page</p></body></html>");
            browsing.newVisitor().setContent("<html lang='en'><body><p>Another person</p></body></html>");
            throw new AssertionError("the page says hello");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void failsOnEachPage(int n, Browsing browsing) {
            browsing.newVisitor().setContent("<html lang='en'><body><p>Page " + n + "</p></body></html>");
            throw new AssertionError("page " + n);
        }
    }

    @ExtendWith(Browsers.class)
    @EnabledIf("org.commissioning.stack.web.BrowserHarnessIT#examplesRunning")
    static class NeedsABrowser {
        @Test
        void opensAPage(Browsing browsing) {
            browsing.newVisitor();
        }
    }
}
