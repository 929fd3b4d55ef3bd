package org.commissioning.platform.axon;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Axon's own exceptions as problems: an unknown aggregate is 404, a concurrent or duplicate write 409. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 20)
public class AxonProblemDetailsAdvice {

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "No record with id " + ex.getAggregateIdentifier()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrency(ConcurrencyException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetailsAdvice.problem(HttpStatus.CONFLICT,
                "concurrent-modification", "Changed by someone else",
                "The record was changed or created concurrently; read it again and retry."));
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) throws Throwable {
        throw ex.getCause() != null ? ex.getCause() : ex;
    }
}
