package org.commissioning.gateway.integration;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

import org.commissioning.gateway.application.OwnerApi;
import org.commissioning.gateway.application.OwnerRefused;
import org.commissioning.gateway.config.OwnerUnavailable;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.security.Caller;
import org.commissioning.platform.security.CallerAuthentication;
import org.commissioning.platform.web.CausationFilter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link OwnerApi} over HTTP: the caller's access token as the bearer (with security off, in tests, the caller's
 * subject as {@code X-Actor}), the request's correlation id, the proxy's timeouts; an owner that cannot be reached is
 * a 503 problem naming it.
 */
public class OwnerApiOverHttp implements OwnerApi {

    private final RestClient http;
    private final Function<Owner, URI> urls;
    private final ObjectMapper json;

    public OwnerApiOverHttp(RestClient http, Function<Owner, URI> urls, ObjectMapper json) {
        this.http = http;
        this.urls = urls;
        this.json = json;
    }

    @Override
    public JsonNode get(Owner owner, String path, Map<String, ?> query, Object... variables) {
        return call(owner, () -> http.get().uri(uri(owner, path, query, variables)).accept(MediaType.APPLICATION_JSON)
                .headers(this::asTheCaller)
                .exchange((request, response) -> json(owner, response.getStatusCode(), response.getHeaders(),
                        response.getBody().readAllBytes())));
    }

    @Override
    public Download download(Owner owner, String path, Map<String, ?> query, Object... variables) {
        return call(owner, () -> http.get().uri(uri(owner, path, query, variables)).headers(this::asTheCaller)
                .exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    refuseUnlessSuccessful(owner, response.getStatusCode(), response.getHeaders(), body);
                    MediaType type = response.getHeaders().getContentType();
                    ContentDisposition disposition = response.getHeaders().getContentDisposition();
                    return new Download(type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString(),
                            disposition.getFilename(), body);
                }));
    }

    @Override
    public JsonNode post(Owner owner, String path, Object body, Object... variables) {
        return call(owner, () -> http.post().uri(uri(owner, path, Map.of(), variables))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                .headers(this::asTheCaller)
                .exchange((request, response) -> json(owner, response.getStatusCode(), response.getHeaders(),
                        response.getBody().readAllBytes())));
    }

    @Override
    public JsonNode postRaw(Owner owner, String path, String contentType, byte[] body, Object... variables) {
        return call(owner, () -> http.post().uri(uri(owner, path, Map.of(), variables))
                .contentType(MediaType.parseMediaType(contentType)).accept(MediaType.APPLICATION_JSON).body(body)
                .headers(this::asTheCaller)
                .exchange((request, response) -> json(owner, response.getStatusCode(), response.getHeaders(),
                        response.getBody().readAllBytes())));
    }

    private URI uri(Owner owner, String path, Map<String, ?> query, Object... variables) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(urls.apply(owner)).path(path);
        query.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, "{" + name + "}");
            }
        });
        Object[] values = new Object[variables.length + (int) query.values().stream().filter(v -> v != null).count()];
        System.arraycopy(variables, 0, values, 0, variables.length);
        int i = variables.length;
        for (Object value : query.values()) {
            if (value != null) {
                values[i++] = String.valueOf(value);
            }
        }
        return uri.encode().buildAndExpand(values).toUri();
    }

    private JsonNode json(Owner owner, HttpStatusCode status, HttpHeaders headers, byte[] body) throws java.io.IOException {
        refuseUnlessSuccessful(owner, status, headers, body);
        return body.length == 0 ? json.createObjectNode() : json.readTree(body);
    }

    private static void refuseUnlessSuccessful(Owner owner, HttpStatusCode status, HttpHeaders headers, byte[] body) {
        if (!status.is2xxSuccessful()) {
            MediaType type = headers.getContentType();
            throw new OwnerRefused(owner.service(), status.value(), type == null ? null : type.toString(), body);
        }
    }

    private <T> T call(Owner owner, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            ProblemDetail problem = OwnerUnavailable.problem(owner.service(), e);
            throw new ErrorResponseException(HttpStatusCode.valueOf(problem.getStatus()), problem, e);
        }
    }

    private void asTheCaller(HttpHeaders headers) {
        CausationContext.current().ifPresent(c -> headers.set(CausationFilter.CORRELATION_HEADER, c.correlationId()));
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller) {
            headers.setBearerAuth(caller.getToken().getTokenValue());
        } else {
            Caller.current().ifPresent(c -> headers.set(CausationFilter.ACTOR_HEADER, c.subject()));
        }
    }
}
