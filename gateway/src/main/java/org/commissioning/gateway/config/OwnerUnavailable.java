package org.commissioning.gateway.config;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.commissioning.platform.web.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * An owner that cannot be reached (refused or timed-out connection, unknown host) is answered with
 * {@code 503 Service Unavailable}, one that accepted the request but did not answer in time with
 * {@code 504 Gateway Timeout}; both as {@code application/problem+json} naming the service in {@code service}.
 * Without this the platform's catch-all would answer a bare 500.
 */
public final class OwnerUnavailable {

    private static final Logger log = LoggerFactory.getLogger(OwnerUnavailable.class);

    private OwnerUnavailable() {
    }

    static HandlerFilterFunction<ServerResponse, ServerResponse> answeredWithProblem(String service) {
        return (request, next) -> {
            try {
                return next.handle(request);
            } catch (ResourceAccessException e) {
                RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(e);
                if (tooLarge != null) {
                    // the client's body passed the platform's limit while it was being proxied: the client's fault (413)
                    throw tooLarge;
                }
                log.warn("{} {} could not be proxied: {} {}: {}", request.method(), request.path(), service,
                        timedOutWaitingForAnswer(e) ? "did not answer in time" : "is unavailable", rootMessage(e));
                ProblemDetail problem = problem(service, e);
                problem.setInstance(URI.create(request.path()));
                return ServerResponse.status(problem.getStatus())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem);
            }
        };
    }

    /** 504 {@code service-timeout} when {@code service} accepted the request but did not answer in time, else 503. */
    public static ProblemDetail problem(String service, ResourceAccessException e) {
        ProblemDetail problem = timedOutWaitingForAnswer(e)
                ? ProblemDetailsAdvice.problem(HttpStatus.GATEWAY_TIMEOUT, "service-timeout",
                        "Service did not answer in time",
                        service + " did not answer in time. The request may or may not have been carried out.")
                : ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                        "Service unavailable", service + " is not available. Try again later.");
        problem.setProperty("service", service);
        return problem;
    }

    private static boolean timedOutWaitingForAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return false;
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
