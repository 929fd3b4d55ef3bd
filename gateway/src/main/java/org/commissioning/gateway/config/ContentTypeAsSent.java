package org.commissioning.gateway.config;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Sends the owner the request's {@code Content-Type} exactly as the client wrote it. The servlet layer reports a
 * JSON request's type with the request encoding added ({@code application/json;charset=UTF-8}), which the proxy
 * would otherwise forward in place of what the client sent.
 */
class ContentTypeAsSent implements RequestHttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
        String sent = request.servletRequest().getHeader(HttpHeaders.CONTENT_TYPE);
        if (sent == null || sent.equals(headers.getFirst(HttpHeaders.CONTENT_TYPE))) {
            return headers;
        }
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.putAll(headers);
        forwarded.set(HttpHeaders.CONTENT_TYPE, sent);
        return forwarded;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
