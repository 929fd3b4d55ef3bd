package org.commissioning.gateway.integration;

import java.net.URI;
import java.time.Instant;

import org.commissioning.gateway.application.EvidenceOwners;
import org.commissioning.gateway.application.EvidencePartOwner;
import org.commissioning.gateway.application.OwnerRefused;
import org.commissioning.gateway.config.OwnerUnavailable;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.evidence.EvidencePart;
import org.commissioning.platform.security.CallerAuthentication;
import org.commissioning.platform.web.CausationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The owners' parts over HTTP, asked as the gateway's routes ask: with the caller's own {@code Authorization} as it
 * came (a page's signed-in person, who sends none: their session's access token) and the request's correlation id;
 * with security off (tests), with the {@code X-Actor} the caller named.
 */
public class EvidenceOwnersOverHttp implements EvidenceOwners {

    private static final Logger log = LoggerFactory.getLogger(EvidenceOwnersOverHttp.class);

    private final RestClient http;
    private final boolean securityOn;

    public EvidenceOwnersOverHttp(RestClient http, boolean securityOn) {
        this.http = http;
        this.securityOn = securityOn;
    }

    @Override
    public EvidencePart part(EvidencePartOwner owner, String contractId, Instant asOf) {
        URI uri = UriComponentsBuilder.fromUri(owner.url()).path(owner.path()).queryParam("asOf", "{asOf}")
                .encode().buildAndExpand(contractId, asOf.toString()).toUri();
        try {
            return http.get().uri(uri).accept(MediaType.APPLICATION_JSON).headers(this::asTheCaller)
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            MediaType type = response.getHeaders().getContentType();
                            throw new OwnerRefused(owner.service(), response.getStatusCode().value(),
                                    type == null ? null : type.toString(), response.getBody().readAllBytes());
                        }
                        return response.bodyTo(EvidencePart.class);
                    });
        } catch (ResourceAccessException e) {
            log.warn("{}'s evidence part of {} could not be fetched: {}", owner.service(), contractId, e.getMessage());
            ProblemDetail problem = OwnerUnavailable.problem(owner.service(), e);
            throw new ErrorResponseException(HttpStatusCode.valueOf(problem.getStatus()), problem, e);
        }
    }

    private void asTheCaller(HttpHeaders headers) {
        CausationContext.current().ifPresent(c -> headers.set(CausationFilter.CORRELATION_HEADER, c.correlationId()));
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String authorization = attributes.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            } else if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication page) {
                headers.setBearerAuth(page.getToken().getTokenValue());
            }
            String actor = attributes.getRequest().getHeader(CausationFilter.ACTOR_HEADER);
            if (!securityOn && actor != null) {
                headers.set(CausationFilter.ACTOR_HEADER, actor);
            }
        }
    }
}
