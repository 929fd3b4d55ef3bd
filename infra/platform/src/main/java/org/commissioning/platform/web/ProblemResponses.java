package org.commissioning.platform.web;

import java.io.IOException;
import java.net.URI;

import org.commissioning.platform.domain.CausationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Problems written where Spring MVC does not write them: in a servlet filter, in Tomcat's error report valve,
 * at {@code /error}. Each status a client can cause has a type of its own.
 */
public final class ProblemResponses {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ProblemResponses() {
    }

    /** The problem for an HTTP status the platform's own handlers did not name: type and title from the status. */
    public static ProblemDetail forStatus(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_BASE + typeOf(status)));
        problem.setTitle(known == null ? "HTTP " + status : known.getReasonPhrase());
        problem.setDetail(detail);
        return problem;
    }

    public static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "Request body too large", "The request body is larger than the " + limit + " bytes allowed.");
        problem.setProperty("limit", limit);
        return problem;
    }

    public static String typeOf(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 409 -> "state-conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 500 -> "internal-error";
            case 503 -> "service-unavailable";
            default -> "http-" + status;
        };
    }

    public static byte[] bytes(ProblemDetail problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (IOException e) {
            throw new IllegalStateException("A problem could not be written as JSON", e);
        }
    }

    /** Writes {@code problem} as the whole response (the caller makes sure nothing was committed yet). */
    public static void write(jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem) throws IOException {
        byte[] body = bytes(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        CausationContext.current().ifPresent(c -> response.setHeader(CausationFilter.CORRELATION_HEADER, c.correlationId()));
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
