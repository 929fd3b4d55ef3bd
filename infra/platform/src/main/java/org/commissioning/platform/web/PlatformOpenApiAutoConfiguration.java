package org.commissioning.platform.web;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The parts every service's OpenAPI 3 description shares (springdoc, {@code /v3/api-docs}): its title, the bearer
 * JWT security scheme every operation requires, a server relative to where the document was read (a service's paths
 * are the same at its own port and through the gateway), and the problem responses of every operation
 * ({@link ProblemResponsesInOpenApi}). The platform's {@code /error} ({@link ProblemErrorController}) is no endpoint of
 * the API and is left out.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class PlatformOpenApiAutoConfiguration {

    /** The name of the security scheme of the issuer's bearer tokens. */
    public static final String BEARER = "bearer";

    static {
        SpringDocUtils.getConfig().addHiddenRestControllers(ProblemErrorController.class);
    }

    @Bean
    @ConditionalOnMissingBean
    public OpenAPI platformOpenApi(@Value("${spring.application.name:service}") String service) {
        return new OpenAPI()
                .info(new Info().title(service).version("v1").description("""
                        The HTTP API of %s. Every operation needs a bearer token of the platform's issuer (audience \
                        commissioning-api); what a caller may do follows the roles in SECURITY.md. Every refusal \
                        is an RFC 9457 problem (application/problem+json).""".formatted(service)))
                .servers(List.of(new Server().url("/")
                        .description("where this document was read: the service itself or the gateway")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the platform's OAuth2 issuer (RS256), audience "
                                + "commissioning-api; its subject is the actor recorded on every event.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    public OpenApiCustomizer problemResponsesInOpenApi() {
        return new ProblemResponsesInOpenApi();
    }
}
