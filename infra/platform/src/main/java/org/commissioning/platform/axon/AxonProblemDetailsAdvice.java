package org.commissioning.platform.axon;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Axon's own exceptions as problems: an unknown aggregate is 404; a write against a version that is no longer
 * current ({@code If-Match}) is 412 naming the current version; any other concurrent or duplicate write is 409.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 20)
@RequiredArgsConstructor
public class AxonProblemDetailsAdvice {

    private final ProblemDetailsAdvice problems;

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "No record with id " + ex.getAggregateIdentifier()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException ex) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                "Changed since you read it", ex.getAggregateIdentifier() + " is at version " + ex.getActualVersion()
                        + ", not " + ex.getExpectedVersion() + " as If-Match says; read it again and decide on its"
                        + " current state.");
        problem.setProperty("currentVersion", ex.getActualVersion());
        problem.setProperty("expectedVersion", ex.getExpectedVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag("\"" + ex.getActualVersion() + "\"")
                .body(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrency(ConcurrencyException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetailsAdvice.problem(HttpStatus.CONFLICT,
                "concurrent-modification", "Changed by someone else",
                "The record was changed or created concurrently; read it again and retry."));
    }

    /** A command bus that wraps handler exceptions (a distributed one does): answer for the cause. */
    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof RuleViolationException e) {
            return problems.ruleViolation(e);
        }
        if (cause instanceof StateConflictException e) {
            return problems.stateConflict(e);
        }
        if (cause instanceof NotFoundException e) {
            return problems.notFound(e);
        }
        if (cause instanceof ConflictingAggregateVersionException e) {
            return staleVersion(e);
        }
        if (cause instanceof AggregateNotFoundException e) {
            return notFound(e);
        }
        if (cause instanceof ConcurrencyException e) {
            return concurrency(e);
        }
        return problems.unexpected(ex);
    }
}
