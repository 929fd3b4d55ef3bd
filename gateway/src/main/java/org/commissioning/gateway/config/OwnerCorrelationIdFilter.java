package org.commissioning.gateway.config;

import java.io.IOException;

import org.commissioning.platform.web.CausationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The platform's {@link CausationFilter} answers every request with an {@code X-Correlation-Id}; a proxied
 * owner answers with its own, which the gateway adds to the response. Without this filter the client would
 * get the header twice; with it the owner's value replaces the gateway's, so the header reaches the client
 * exactly as the owner wrote it.
 */
public class OwnerCorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void addHeader(String name, String value) {
                if (CausationFilter.CORRELATION_HEADER.equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                } else {
                    super.addHeader(name, value);
                }
            }
        });
    }
}
