package org.commissioning.platform.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Ed25519 key that signs its seals, kept in a PEM file (its PKCS#8 private key and its X.509 public
 * key; generated on the first start, readable by the owner only) so that it survives a restart. Its public half is published as a JWK (RFC 8037, {@code OKP},
 * {@code Ed25519}) whose {@code kid} is its RFC 7638 thumbprint, the {@code keyId} every seal names.
 */
public final class SealKey {

    private static final Logger log = LoggerFactory.getLogger(SealKey.class);
    /** DER of an Ed25519 SubjectPublicKeyInfo up to the 32 bytes of the key (RFC 8410). */
    private static final int RAW_KEY_OFFSET = 12;
    private static final byte[] ED25519_SPKI_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SealKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = ChainHashes.base64Url(sha256(CanonicalJson.of(Map.of("crv", "Ed25519", "kty", "OKP",
                "x", x()))));
    }

    public static SealKey loadOrCreate(Path file) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.US_ASCII);
                SealKey sealKey = new SealKey(
                        factory.generatePrivate(new PKCS8EncodedKeySpec(pem(text, "PRIVATE KEY"))),
                        factory.generatePublic(new X509EncodedKeySpec(pem(text, "PUBLIC KEY"))));
                log.info("Seal key {} read from {}", sealKey.keyId, file);
                return sealKey;
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            write(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            SealKey sealKey = new SealKey(pair.getPrivate(), pair.getPublic());
            log.info("Seal key {} generated in {}", sealKey.keyId, file);
            return sealKey;
        } catch (IOException e) {
            throw new UncheckedIOException("The seal key file " + file + " could not be read or written", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The seal key file " + file + " does not hold an Ed25519 key pair", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** @return the base64url (unpadded) Ed25519 signature of the UTF-8 text */
    public String sign(String text) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return ChainHashes.base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A seal could not be signed", e);
        }
    }

    /** Whether {@code signature} (base64url) is this key's signature of the text. */
    public boolean verifies(String text, String signature) {
        return verify(publicKey, text, signature);
    }

    /** Whether {@code signature} (base64url) is the signature of the text by the public JWK's key. */
    public static boolean verify(Map<String, ?> jwk, String text, String signature) {
        try {
            byte[] x = Base64.getUrlDecoder().decode((String) jwk.get("x"));
            byte[] der = new byte[RAW_KEY_OFFSET + x.length];
            System.arraycopy(ED25519_SPKI_PREFIX, 0, der, 0, RAW_KEY_OFFSET);
            System.arraycopy(x, 0, der, RAW_KEY_OFFSET, x.length);
            return verify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)), text,
                    signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean verify(PublicKey key, String text, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The public key as a JWK. */
    public Map<String, String> publicJwk() {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", x());
        jwk.put("kid", keyId);
        jwk.put("alg", "EdDSA");
        jwk.put("use", "sig");
        return jwk;
    }

    private String x() {
        byte[] der = publicKey.getEncoded();
        return ChainHashes.base64Url(Arrays.copyOfRange(der, RAW_KEY_OFFSET, der.length));
    }

    private static byte[] pem(String text, String label) {
        Matcher block = Pattern.compile("-----BEGIN " + label + "-----([^-]+)-----END " + label + "-----")
                .matcher(text);
        if (!block.find()) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(block.group(1).strip());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String pem) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".seal-key", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, pem, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
