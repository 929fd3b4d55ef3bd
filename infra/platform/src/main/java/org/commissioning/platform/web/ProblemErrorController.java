package org.commissioning.platform.web;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring Boot's error path: the servlet container forwards here an error that no handler answered (one raised
 * in a filter, a {@code sendError} outside Spring MVC). Answered as a problem, whatever the client accepts.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(exception);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object limit = request.getAttribute(RequestBodyLimitFilter.LIMIT_ATTRIBUTE);
        ProblemDetail problem = tooLarge != null ? ProblemResponses.tooLarge(tooLarge.limit())
                : status == 413 && limit instanceof Long bytes ? ProblemResponses.tooLarge(bytes)
                : ProblemResponses.forStatus(status, ProblemErrorReportValve.detail(status));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
