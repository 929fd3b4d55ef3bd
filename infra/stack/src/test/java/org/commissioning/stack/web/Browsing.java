package org.commissioning.stack.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * One test's browsing: each person it opens a page for gets a browser context of their own (their own cookies and
 * session), all closed after the test. On a failure every open page is saved first, as PNG and HTML, under
 * {@code target/browser/}.
 */
public final class Browsing {

    private static final Browser.NewContextOptions PERSON = new Browser.NewContextOptions()
            .setViewportSize(1280, 900)
            .setLocale("en-GB")
            .setTimezoneId("Europe/London");

    private final Browser browser;
    private final Path output;
    private final Supplier<WebStack> stack;
    private final List<BrowserContext> contexts = new ArrayList<>();

    Browsing(Browser browser, Path output, Supplier<WebStack> stack) {
        this.browser = browser;
        this.output = output;
        this.stack = stack;
    }

    /** The started stack (the first call in the test JVM starts it). */
    public WebStack stack() {
        return stack.get();
    }

    /** A page in a new browser context: a person who has not signed in. */
    public Page newVisitor() {
        BrowserContext context = browser.newContext(PERSON);
        context.setDefaultTimeout(20_000);
        contexts.add(context);
        return context.newPage();
    }

    /** {@code user} (a demo user, see {@code DemoUsers}) signs in from the gateway's home page and lands back on it. */
    public Page signIn(String user) {
        return signIn(user, stack().gatewayUrl() + "/");
    }

    /**
     * A new visitor opens {@code url}, is sent to the issuer's login form, signs in there as {@code user} with the
     * demo user's password and is sent back; returns the page once it has left the issuer.
     */
    public Page signIn(String user, String url) {
        return signIn(newVisitor(), user, url);
    }

    /** As {@link #signIn(String, String)}, in {@code visitor}'s page (e.g. one whose context routes some requests). */
    public Page signIn(Page page, String user, String url) {
        page.navigate(url);
        String loginForm = stack().issuerUri() + "/login";
        if (!page.url().startsWith(loginForm)) {
            throw new AssertionError("Opening " + url + " should lead to the issuer's login form " + loginForm
                    + ", but the browser is at " + page.url());
        }
        submitLogin(page, user, stack().password(user));
        page.waitForURL(at -> !at.startsWith(stack().issuerUri() + "/"));
        return page;
    }

    /** Fills in and submits the issuer's login form (Spring Security's default form: username, password). */
    public static void submitLogin(Page page, String user, String password) {
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    void saveOpenPages(String name) {
        int n = 0;
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                String file = name + (n++ == 0 ? "" : "-" + n);
                Path png = output.resolve(file + ".png");
                try {
                    Screenshots.screenshot(page, png);
                    Chromium.write(output.resolve(file + ".html"),
                            "<!-- " + page.url() + " -->" + System.lineSeparator() + page.content());
                } catch (RuntimeException e) {
                    // a page that cannot be saved must not hide the test's own failure
                    Chromium.write(output.resolve(file + ".txt"), page.url() + ": " + e);
                }
            }
        }
    }

    void close() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }
}
