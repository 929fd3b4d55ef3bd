package org.commissioning.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;

class AxonProblemDetailsAdviceTest {

    final AxonProblemDetailsAdvice advice = new AxonProblemDetailsAdvice(new ProblemDetailsAdvice());

    @Test
    void answersAStaleVersionWithPreconditionFailedNamingTheCurrentVersion() {
        var response = advice.staleVersion(new ConflictingAggregateVersionException("c-1", 2, 5));

        assertThat(response.getStatusCode().value()).isEqualTo(412);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"5\"");
        assertThat(response.getBody().getProperties()).containsEntry("currentVersion", 5L).containsEntry("expectedVersion", 2L);
    }

    @Test
    void answersAWrappedCommandFailureForItsCause() {
        var conflict = advice.commandFailed(new CommandExecutionException("failed",
                new StateConflictException("TERMINATED", "Contract c-1 is terminated")));
        var rule = advice.commandFailed(new CommandExecutionException("failed",
                new RuleViolationException("end-after-start", "end", "The end must be after the start")));
        var unknown = advice.commandFailed(new CommandExecutionException("failed", new IllegalStateException("boom")));

        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat(conflict.getBody().getProperties()).containsEntry("currentState", "TERMINATED");
        assertThat(rule.getStatusCode().value()).isEqualTo(400);
        assertThat(rule.getBody().getProperties()).containsEntry("rule", "end-after-start");
        assertThat(unknown.getStatusCode().value()).isEqualTo(500);
    }
}
