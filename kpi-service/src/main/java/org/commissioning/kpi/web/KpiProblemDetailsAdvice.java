package org.commissioning.kpi.web;

import org.commissioning.kpi.api.KpiConflictException;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A KPI state conflict as the platform answers any conflict (409, {@code currentState}), plus the {@code rule}
 * it broke, so a client can tell a second return for a period from a return without a framework in force.
 * Ahead of the platform's advice, which answers every other exception.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class KpiProblemDetailsAdvice {

    @ExceptionHandler(KpiConflictException.class)
    public ResponseEntity<ProblemDetail> conflict(KpiConflictException ex) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "state-conflict",
                "Not allowed in the current state", ex.getMessage());
        problem.setProperty("currentState", ex.currentState());
        problem.setProperty("rule", ex.rule());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
