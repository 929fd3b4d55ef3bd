package org.commissioning.stack.web;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(Browsers.class)}: a test method takes a {@link Browsing} parameter. The headless Chromium and
 * the stack are the test JVM's own, started once (the stack on first use) and closed at its end; each test gets new
 * browser contexts. A test fails with its open pages saved under {@code target/browser/<class>.<method>*.png|html},
 * and is skipped, naming what is missing, where no browser can be launched.
 */
public final class Browsers implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
        ParameterResolver {

    /** Configuration parameters (or system properties): the Chromium, the Node.js, where pages are saved. */
    static final String EXECUTABLE = "browser.chromium";
    static final String NODE = "browser.node";
    static final String OUTPUT = "browser.output";

    private static final ExtensionContext.Namespace JVM = ExtensionContext.Namespace.create(Browsers.class, "jvm");
    private static final ExtensionContext.Namespace TEST = ExtensionContext.Namespace.create(Browsers.class, "test");

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store jvm = context.getRoot().getStore(JVM);
        Path output = Path.of(setting(context, OUTPUT, "target/browser"));
        Chromium chromium = jvm.getOrComputeIfAbsent(Chromium.class, type -> Chromium.launch(
                Path.of(setting(context, EXECUTABLE, "/usr/bin/chromium")),
                Path.of(setting(context, NODE, System.getenv().getOrDefault("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node"))),
                output), Chromium.class);
        Browsing browsing = new Browsing(chromium.browser(), output,
                () -> jvm.getOrComputeIfAbsent(WebStack.class, type -> WebStack.start(), WebStack.class));
        context.getStore(TEST).put(Browsing.class, browsing);
    }

    private static String setting(ExtensionContext context, String key, String otherwise) {
        return context.getConfigurationParameter(key).orElse(otherwise);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browsing browsing = context.getStore(TEST).get(Browsing.class, Browsing.class);
        if (browsing != null && context.getExecutionException().isPresent()) {
            browsing.saveOpenPages(context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName() + invocation(context.getUniqueId()));
        }
    }

    /** A parameterized test's invocation, "[2]", so that each keeps its own pages; "" for a plain test. */
    static String invocation(String uniqueId) {
        Matcher number = INVOCATION.matcher(uniqueId);
        return number.find() ? "[" + number.group(1) + "]" : "";
    }

    private static final Pattern INVOCATION = Pattern.compile("test-template-invocation:#(\\d+)]$");

    @Override
    public void afterEach(ExtensionContext context) {
        Browsing browsing = context.getStore(TEST).remove(Browsing.class, Browsing.class);
        if (browsing != null) {
            browsing.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browsing.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(TEST).get(Browsing.class, Browsing.class);
    }
}
