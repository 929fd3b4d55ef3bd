package org.commissioning.stack.web;

import java.nio.file.Path;

import org.commissioning.stack.LocalStack;
import org.commissioning.stack.SharedStack;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack the browser tests sign in to: the stack's tests' shared stack ({@link SharedStack}: started once per test
 * JVM with the demo data loaded, stopped when the run ends; a stack that fails to start keeps its data directory,
 * whose logs/ say why). The one place that says where the browser tests' stack comes from.
 */
public final class WebStack implements ExtensionContext.Store.CloseableResource {

    private final LocalStack stack;
    private final Path dataDir;

    private WebStack(LocalStack stack, Path dataDir) {
        this.stack = stack;
        this.dataDir = dataDir;
    }

    /** The stack's tests' shared stack (demo data loaded); {@link SharedStack} stops it when the run ends. */
    static WebStack start() {
        try {
            return new WebStack(SharedStack.get(), SharedStack.options().dataDir());
        } catch (Exception e) {
            throw new IllegalStateException("The stack for the browser tests did not start", e);
        }
    }

    public LocalStack stack() {
        return stack;
    }

    public String gatewayUrl() {
        return stack.gatewayUrl();
    }

    public String issuerUri() {
        return stack.issuerUri();
    }

    /** A demo user's password at the issuer's login form. */
    public String password(String user) {
        return stack.secret(user);
    }

    @Override
    public void close() {
        // the shared stack outlives the browser tests: SharedStackSession stops it when the test run ends
    }
}
