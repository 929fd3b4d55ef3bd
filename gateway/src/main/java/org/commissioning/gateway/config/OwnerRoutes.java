package org.commissioning.gateway.config;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Each context's API is proxied, unchanged, to the service that owns it: method, path, query, headers and body
 * on the way in; status, headers (Location, Content-Type, X-Correlation-Id ...) and body on the way out, so
 * an owner's problem+json reaches the client as it was written. With security on, the gateway checks the caller's
 * token itself (a request without a valid one is refused before any owner sees it) and relays it to the owner as
 * it came ({@code Authorization} passes through the proxy's header filters), and drops {@code X-Actor} (see
 * {@link ActorHeaderNotRelayed}). An owner that cannot be reached is answered by the gateway itself with a problem
 * naming that service (see {@link OwnerUnavailable}).
 * <p>
 * Each owner's OpenAPI description ({@code /v3/api-docs} at the owner) is served at
 * {@code /v3/api-docs/services/<service>}, public like the owner's, so the gateway's one Swagger UI
 * ({@code /swagger-ui.html}, {@code springdoc.swagger-ui.urls}) shows every service's API beside the dashboards'.
 */
@Configuration(proxyBeanMethods = false)
public class OwnerRoutes {

    @Bean
    public RouterFunction<ServerResponse> routesToOwners(OwnerServices services) {
        return owner("contract-service", "/api/contracts", services.contract().url())
                .and(owner("kpi-service", "/api/kpi", services.kpi().url()))
                .and(owner("rag-service", "/api/ratings", services.rag().url()))
                .and(owner("deepdive-service", "/api/deepdives", services.deepdive().url()));
    }

    /** Where the gateway serves an owner's OpenAPI description: {@code /v3/api-docs/services/contract-service}. */
    public static final String OWNER_API_DOCS = "/v3/api-docs/services/";

    @Bean
    public RouterFunction<ServerResponse> ownersApiDocs(OwnerServices services) {
        return apiDocs("contract-service", services.contract().url())
                .and(apiDocs("kpi-service", services.kpi().url()))
                .and(apiDocs("rag-service", services.rag().url()))
                .and(apiDocs("deepdive-service", services.deepdive().url()));
    }

    @Bean
    public RequestHttpHeadersFilter contentTypeAsSent() {
        return new ContentTypeAsSent();
    }

    @Bean
    @ConditionalOnProperty(prefix = "platform.security", name = "enabled", havingValue = "true")
    public RequestHttpHeadersFilter actorHeaderNotRelayed() {
        return new ActorHeaderNotRelayed();
    }

    /** Runs inside the platform's CausationFilter (HIGHEST_PRECEDENCE + 10), so it sees the header that one set. */
    @Bean
    public FilterRegistrationBean<OwnerCorrelationIdFilter> ownerCorrelationIdFilter() {
        FilterRegistrationBean<OwnerCorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new OwnerCorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    static RouterFunction<ServerResponse> apiDocs(String service, URI url) {
        return route(service + "-api-docs")
                .GET(OWNER_API_DOCS + service, http())
                .filter(OwnerUnavailable.answeredWithProblem(service))
                .before(uri(url))
                .before(setPath("/v3/api-docs"))
                .build();
    }

    /** Everything under {@code prefix} (the prefix itself included) goes to {@code url}, path and query kept. */
    static RouterFunction<ServerResponse> owner(String service, String prefix, URI url) {
        return route(service)
                .route(path(prefix + "/**"), http())
                .filter(OwnerUnavailable.answeredWithProblem(service))
                .before(uri(url))
                .before(CorrelationIdForwarding.forwardCorrelationId())
                .build();
    }
}
