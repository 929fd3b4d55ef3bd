package org.commissioning.stack.web;

import java.io.IOException;
import java.nio.file.Path;

import org.commissioning.stack.LocalStack;
import org.commissioning.stack.StackOptions;
import org.commissioning.stack.StacksUnderTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * The stack the browser tests sign in to: started once per test JVM, on the first test that asks for it, with the
 * demo data loaded, and closed (its data deleted) when the JVM's tests end; a stack that fails to start keeps its
 * data directory, whose logs/ say why. The one place that says where the stack comes from.
 */
public final class WebStack implements ExtensionContext.Store.CloseableResource {

    private final LocalStack stack;
    private final Path dataDir;

    private WebStack(LocalStack stack, Path dataDir) {
        this.stack = stack;
        this.dataDir = dataDir;
    }

    static WebStack start() {
        try {
            StackOptions options = StacksUnderTest.freshOptions("web-stack");
            LocalStack stack = StacksUnderTest.startedWithoutScans(options);
            try {
                stack.loadDemoData();
            } catch (Exception e) {
                stack.close();
                throw e;
            }
            return new WebStack(stack, options.dataDir());
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
    public void close() throws IOException {
        stack.close();
        FileSystemUtils.deleteRecursively(dataDir);
    }
}
