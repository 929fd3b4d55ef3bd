package org.commissioning.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.BadJwtException;

class SigningKeyTest {

    @Test
    void acceptsATokenIssuedBeforeARestartOnTheSameDataDir(@TempDir Path dataDir) throws Exception {
        String token;
        try (LocalIssuer first = LocalIssuer.start(0, dataDir)) {
            token = first.accessToken("officer.jones", "officer-secret");
        }
        Path keyFile = dataDir.resolve("issuer-key.jwk.json");
        assertThat(Files.readString(keyFile)).contains("\"d\"");
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        try (LocalIssuer second = LocalIssuer.start(0, dataDir)) {
            // the issuer URI carries the port, which changed: only the key is compared here
            assertThat(IssuedTokensTest.resourceServerDecoderIgnoringIssuer(second).decode(token).getSubject())
                    .isEqualTo("officer.jones");
        }
    }

    @Test
    void refusesATokenOfAnotherIssuerKey(@TempDir Path one, @TempDir Path other) {
        String token;
        try (LocalIssuer first = LocalIssuer.start(0, one)) {
            token = first.accessToken("officer.jones", "officer-secret");
        }
        try (LocalIssuer second = LocalIssuer.start(0, other)) {
            assertThatThrownBy(() -> IssuedTokensTest.resourceServerDecoderIgnoringIssuer(second).decode(token))
                    .isInstanceOf(BadJwtException.class);
        }
    }
}
