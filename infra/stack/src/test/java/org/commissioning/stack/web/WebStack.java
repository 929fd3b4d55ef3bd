package org.commissioning.stack.web;

import org.commissioning.stack.LocalStack;
import org.commissioning.stack.StacksUnderTest;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack the browser tests sign in to: started once per test JVM, on the first test that asks for it, with the
 * demo data loaded, and closed when the JVM's tests end. The one place that says where the stack comes from.
 */
public final class WebStack implements ExtensionContext.Store.CloseableResource {

    private final LocalStack stack;

    private WebStack(LocalStack stack) {
        this.stack = stack;
    }

    static WebStack start() {
        try {
            LocalStack stack = StacksUnderTest.startedWithoutScans(StacksUnderTest.freshOptions("web-stack"));
            try {
                stack.loadDemoData();
            } catch (Exception e) {
                stack.close();
                throw e;
            }
            return new WebStack(stack);
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
        stack.close();
    }
}
