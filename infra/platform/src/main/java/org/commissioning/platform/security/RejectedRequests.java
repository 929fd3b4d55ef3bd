package org.commissioning.platform.security;

import java.io.IOException;

import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.commissioning.platform.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request Spring Security's firewall refuses (a parameter name, path or header with characters it does not allow,
 * e.g. a JSON body sent as a form) is the caller's mistake: 400 problem+json, whether the firewall refuses it before
 * the filters or lazily, once a filter reads the parameters. The detail does not echo what was refused.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RejectedRequests implements RequestRejectedHandler {

    static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "rejected-request",
                "Rejected request", "The request's path, parameter names or headers hold characters that are not "
                        + "allowed.");
        problem.setProperty("rule", "request-firewall");
        return problem;
    }

    @ExceptionHandler(RequestRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(RequestRejectedException rejected) {
        return ResponseEntity.badRequest().body(problem());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException {
        ProblemResponses.write(response, problem());
    }
}
