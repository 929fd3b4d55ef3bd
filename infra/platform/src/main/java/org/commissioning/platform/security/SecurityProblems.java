package org.commissioning.platform.security;

import java.io.IOException;

import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.commissioning.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 as problems. Neither says why in a way a caller could learn from: a 401 does not tell an expired
 * token from a forged one (RFC 6750's {@code invalid_token} only), a 403 does not name the role that was missing.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";

    public static ProblemDetail unauthenticated() {
        return ProblemDetailsAdvice.problem(HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Unauthorized",
                "A valid bearer token is required.");
    }

    public static ProblemDetail forbidden() {
        return ProblemDetailsAdvice.problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
                "This request is not allowed for the caller.");
    }

    /** RFC 6750: no error code without a token, {@code invalid_token} with a token that failed, no description. */
    public static String challenge(AuthenticationException failure) {
        return failure instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer";
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(failure));
        ProblemResponses.write(response, unauthenticated());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemResponses.write(response, forbidden());
    }
}
