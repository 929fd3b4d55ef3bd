package org.commissioning.gateway.web.pages;

import java.util.Arrays;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Which requests are for the web pages: every path that is not the API, its description or the actuator. */
public final class PagePaths {

    static final String[] NOT_PAGES = {"/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/actuator", "/actuator/**"};

    private static final RequestMatcher PAGES = new NegatedRequestMatcher(new OrRequestMatcher(Arrays.stream(NOT_PAGES)
            .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList()));

    private PagePaths() {
    }

    public static RequestMatcher pages() {
        return PAGES;
    }
}
