package org.commissioning.gateway.config;

import org.commissioning.platform.web.CausationFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * With security on, the owner learns who is calling from the caller's own token, which the gateway relays as it
 * came ({@code Authorization}); the gateway vouches for nobody, so a client's {@code X-Actor} claim is not passed
 * on as if it had been checked.
 */
class ActorHeaderNotRelayed implements RequestHttpHeadersFilter {

    @Override
    public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
        HttpHeaders relayed = new HttpHeaders();
        relayed.putAll(headers);
        relayed.remove(CausationFilter.ACTOR_HEADER);
        return relayed;
    }
}
