package org.commissioning.gateway.config;

import java.util.function.Function;

import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.web.CausationFilter;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The platform's {@link CausationFilter} has already taken the request's correlation id (or made one when the
 * client sent none or an unusable one) and answers with it. The owner is sent that same id, so the gateway,
 * the owner and the events the request causes share one correlation id. A valid id from the client is
 * forwarded exactly as sent.
 */
final class CorrelationIdForwarding {

    private CorrelationIdForwarding() {
    }

    static Function<ServerRequest, ServerRequest> forwardCorrelationId() {
        return request -> CausationContext.current()
                .map(CausationContext::correlationId)
                .filter(id -> !id.equals(request.headers().firstHeader(CausationFilter.CORRELATION_HEADER)))
                .map(id -> ServerRequest.from(request)
                        .headers(headers -> headers.set(CausationFilter.CORRELATION_HEADER, id))
                        .build())
                .orElse(request);
    }
}
