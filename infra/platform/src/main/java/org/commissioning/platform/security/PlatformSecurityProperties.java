package org.commissioning.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The resource server of every service ({@code platform.security.*}).
 *
 * @param enabled       off by default: nothing is checked and the actor is taken from {@code X-Actor}
 * @param issuerUri     the issuer every token must name ({@code iss}); its metadata gives the JWKS unless
 *                      {@code jwkSetUri} is set
 * @param jwkSetUri     where the signing keys are fetched, when the issuer is reached under another name (compose)
 * @param audience      an {@code aud} every token must include
 * @param subjectClaim  the claim naming the caller (the actor recorded): {@code sub}, or {@code preferred_username}
 *                      for an issuer whose {@code sub} is an opaque id
 * @param nameClaim     the display name (falls back to the subject)
 * @param rolesClaim    a list of role names
 * @param providerClaim the provider organisation a {@code PROVIDER} is bound to
 * @param clockSkew     tolerance on {@code exp} and {@code nbf}
 * @param publicPaths   answered without a token (Ant patterns); everything else needs one. By default health and
 *                      the integrators' docs: the OpenAPI description ({@code /v3/api-docs}, also as YAML) and the
 *                      Swagger UI, which hold no data, only the shape of the API
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(
        @DefaultValue("false") boolean enabled,
        String issuerUri,
        String jwkSetUri,
        @DefaultValue("commissioning-api") String audience,
        @DefaultValue("sub") String subjectClaim,
        @DefaultValue("name") String nameClaim,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("provider") String providerClaim,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue({"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"}) List<String> publicPaths) {

    /** Fails the start of a service that switched security on without saying whose tokens to trust. */
    void requireIssuer() {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException(
                    "platform.security.issuer-uri is required when platform.security.enabled=true");
        }
    }
}
