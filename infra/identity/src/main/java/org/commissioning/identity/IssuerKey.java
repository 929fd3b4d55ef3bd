package org.commissioning.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The issuer's RSA signing key, kept as a private JWK in a file so that tokens (and the JWKS the resource servers
 * cached) survive a restart. Generated on the first start; rotated by moving the file aside (SECURITY.md).
 */
public final class IssuerKey {

    private static final Logger log = LoggerFactory.getLogger(IssuerKey.class);
    private static final int BITS = 2048;

    private IssuerKey() {
    }

    public static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IllegalStateException(file + " holds a public key only; the issuer needs the private key");
                }
                log.info("Signing key {} read from {}", key.getKeyID(), file);
                return key;
            }
            RSAKey key = new RSAKeyGenerator(BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            write(file, key.toJSONString());
            log.info("Signing key {} generated in {}", key.getKeyID(), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("The signing key file " + file + " could not be read or written", e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("An RSA key could not be generated", e);
        }
    }

    /** Written to a temporary file first (readable by the owner only), then moved into place in one step. */
    private static void write(Path file, String json) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".issuer-key", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
