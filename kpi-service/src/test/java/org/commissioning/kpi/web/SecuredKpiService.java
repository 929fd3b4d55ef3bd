package org.commissioning.kpi.web;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.commissioning.events.Topics;
import org.commissioning.identity.LocalIssuer;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * kpi-service with security on, over real HTTP, trusting a local issuer with the demo users. The classes that extend
 * this share one application context (the same settings and the same issuer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "kpi.returns.overdue-scan.enabled=false",
        "platform.security.enabled=true"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = {Topics.CONTRACTS, Topics.KPI})
abstract class SecuredKpiService extends ServiceOnEmbeddedKafka {

    /** The issuer's data directory (its signing key), created by the issuer under the module's build directory. */
    static final Path ISSUER_DATA = Path.of("target", "kpi-issuer-" + UUID.randomUUID());

    /** Started once for every class that extends this; it stops with the JVM (closing it after one class would
     * leave the next with a shared context and no issuer). */
    static final LocalIssuer issuer = LocalIssuer.start(0, ISSUER_DATA);

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void trustedIssuer(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
    }

    /** A token of the issuer for its demo user {@code user}. */
    String token(String user) {
        return tokens.computeIfAbsent(user, issuer::accessToken);
    }

    ResponseEntity<String> call(HttpMethod method, String path, String body, MediaType type, String token) {
        var request = http().method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (body != null) {
            request.contentType(type).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }
}
