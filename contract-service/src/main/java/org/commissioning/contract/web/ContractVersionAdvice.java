package org.commissioning.contract.web;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A change made against a version of the contract that is no longer current ({@code If-Match}) is refused with
 * 412 Precondition Failed, naming the current version (also as the ETag), so the client rereads and decides
 * again. Ordered before the platform's advice, which answers every Axon concurrency exception with 409.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class ContractVersionAdvice {

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException ex) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                "Changed since you read it", "Contract " + ex.getAggregateIdentifier() + " is at version "
                        + ex.getActualVersion() + ", not " + ex.getExpectedVersion()
                        + " as If-Match says; read it again and decide on its current state.");
        problem.setProperty("currentVersion", ex.getActualVersion());
        problem.setProperty("expectedVersion", ex.getExpectedVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(IfMatch.etag(ex.getActualVersion()))
                .body(problem);
    }
}
