package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.function.UnaryOperator;

import org.commissioning.events.Topics;
import org.commissioning.identity.DemoUsers;
import org.commissioning.identity.IssuerKey;
import org.commissioning.identity.LocalIssuer;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * contract-service over real HTTP with security on, trusting a local issuer with the demo users: requests with a
 * demo user's token, and tokens of the issuer's key signed again with other claims. The issuer is started once for
 * every test class that extends this, which therefore share one application context; the issuer stops with the JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "platform.security.enabled=true"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
abstract class SecuredContractService extends ServiceOnEmbeddedKafka {

    static final String OFFICER = DemoUsers.OFFICER;
    static final String NELFT = DemoUsers.NELFT;
    static final String SK8SIDE = DemoUsers.SK8SIDE;
    static final String AUDITOR = DemoUsers.AUDITOR;
    static final String VIEWER = DemoUsers.VIEWER;
    static final String OPERATOR = DemoUsers.OPERATOR;

    static final Path ISSUER_DATA = temporaryDirectory("contract-issuer");
    static final LocalIssuer issuer = LocalIssuer.start(0, ISSUER_DATA);

    @DynamicPropertySource
    static void trustedIssuer(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
    }

    /** A token of the trusted issuer for the demo user {@code username}. */
    static String token(String username) {
        return tokenOf(issuer, username);
    }

    /** A token of {@code from} for its demo user {@code username}, with the secret its settings give. */
    static String tokenOf(LocalIssuer from, String username) {
        return from.accessToken(username);
    }

    /** {@code username}'s token as the trusted issuer gave it, its claims changed by {@code edit}, signed with its key. */
    static String tokenSignedAgain(String username, UnaryOperator<JWTClaimsSet.Builder> edit) {
        try {
            SignedJWT issued = SignedJWT.parse(token(username));
            RSAKey key = IssuerKey.loadOrCreate(ISSUER_DATA.resolve("issuer-key.jwk.json"));
            assertThat(key.getKeyID()).isEqualTo(issued.getHeader().getKeyID());
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(issued.getHeader()).build(),
                    edit.apply(new JWTClaimsSet.Builder(issued.getJWTClaimsSet())).build());
            token.sign(new RSASSASigner(key));
            return token.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET {@code path} as {@code username}. */
    ResponseEntity<String> getAs(String username, String path) {
        return http().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token(username))
                .retrieve().toEntity(String.class);
    }

    /** POST a JSON body to {@code path} as {@code username}, with {@code If-Match} unless it is null. */
    ResponseEntity<String> postAs(String username, String path, String ifMatch, String body) {
        var request = http().post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token(username));
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
