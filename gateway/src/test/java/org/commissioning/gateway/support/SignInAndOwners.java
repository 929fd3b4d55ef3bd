package org.commissioning.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.commissioning.identity.LocalIssuer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a test class of the gateway with security on stands beside it: a real {@link LocalIssuer} (the gateway's
 * {@code platform.security.issuer-uri}, where its pages sign people in) and {@link StubbedOwners}. Register it with
 * {@code @RegisterExtension} and {@link #register} it in a {@code @DynamicPropertySource}; both stop after the class.
 */
public record SignInAndOwners(LocalIssuer issuer, StubbedOwners owners) implements AfterAllCallback {

    /** An issuer on any free port with its key in a new temporary directory, given {@code issuerArgs}. */
    public static SignInAndOwners start(String prefix, String... issuerArgs) {
        try {
            return new SignInAndOwners(LocalIssuer.start(0, Files.createTempDirectory(prefix), issuerArgs),
                    StubbedOwners.oneEach());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
        owners.register(registry);
    }

    /** An access token of the issuer's demo user (client credentials). */
    public String token(String username) {
        return issuer.accessToken(username);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        owners.afterAll(context);
        issuer.close();
    }
}
