package org.commissioning.platform.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An issuer as a resource server sees one: its metadata and JWKS over real HTTP, and tokens signed with its key.
 * A second key, never published, signs the forged tokens.
 */
public final class TestIssuer implements AutoCloseable {

    static final String AUDIENCE = "commissioning-api";

    private volatile RSAKey key = rsa();
    private final RSAKey forger = rsa();
    private final HttpServer server;
    private final String uri;

    public TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        uri = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange,
                "{\"issuer\":\"" + uri + "\",\"jwks_uri\":\"" + uri + "/jwks\",\"subject_types_supported\":[\"public\"]}"));
        server.createContext("/jwks", exchange -> answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    /** From now on signs with a new key and publishes only that one, as an issuer rotating its key does. */
    void rotateKey() {
        key = rsa();
    }

    /** The claims of a valid token, unsigned ({@code alg: none}). */
    String unsigned(String subject, String... roles) {
        return new PlainJWT(claims(subject, List.of(roles)).build()).serialize();
    }

    /** The claims of a valid token, signed with HMAC keyed by the public key's modulus (the alg-confusion attack). */
    String hmacSigned(String subject, String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims(subject, List.of(roles)).build());
            jwt.sign(new MACSigner(key.getModulus().decode()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String uri() {
        return uri;
    }

    /** A token of this issuer for {@code subject} with {@code roles}, valid for five minutes, adjusted by {@code edit}. */
    String token(String subject, List<String> roles, UnaryOperator<JWTClaimsSet.Builder> edit) {
        return sign(key, edit.apply(claims(subject, roles)).build());
    }

    public String token(String subject, String... roles) {
        return token(subject, List.of(roles), claims -> claims);
    }

    /** Claims this issuer would sign, signed with a key it never published. */
    String forged(String subject, String... roles) {
        return sign(forger, claims(subject, List.of(roles)).build());
    }

    private JWTClaimsSet.Builder claims(String subject, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(uri)
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("name", "Name of " + subject)
                .claim("roles", roles);
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of("application/json")));
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
