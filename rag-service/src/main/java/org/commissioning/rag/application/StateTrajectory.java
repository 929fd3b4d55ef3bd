package org.commissioning.rag.application;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RecordTrajectoryStatementCommand;
import org.commissioning.rag.command.OfficerJudgement;
import org.commissioning.rag.query.ContractsKnownHere;
import org.springframework.stereotype.Service;

/** An officer states where a rated contract's rating is heading, e.g. "on trajectory for green in three months". */
@Service
@RequiredArgsConstructor
public class StateTrajectory {

    /** The statement: the rating heading for, in words, within how many months (null: the default). */
    public record Statement(String contractId, Rating projectedRating, String statement, Integer horizonMonths) {
    }

    /** The statement as recorded. */
    public record Stated(String contractId, Rating projectedRating, int horizonMonths, String statement, Basis basis,
                         String officer) {
    }

    private final CommandGateway commands;
    private final ContractsKnownHere known;

    /**
     * Only for a caller who manages contracts (403 otherwise, before anything else). A contract with no rating yet
     * has no ContractRating: 409 {@code rated-before-trajectory}.
     */
    public Stated state(Statement statement) {
        Access.require(Permission.MANAGE_CONTRACTS);
        String id = statement.contractId();
        Rating projected = OfficerJudgement.requireDecidable(statement.projectedRating(), "projectedRating");
        int horizon = statement.horizonMonths() == null ? OfficerJudgement.DEFAULT_HORIZON_MONTHS
                : statement.horizonMonths();
        known.require(id);
        String officer = CausationContext.currentOrNew().actor();
        try {
            commands.sendAndWait(new RecordTrajectoryStatementCommand(id, projected, horizon, statement.statement(),
                    officer, known.term(id)));
        } catch (AggregateNotFoundException e) {
            throw OfficerJudgement.notRatedYet(id);
        }
        return new Stated(id, projected, horizon, statement.statement().strip(), Basis.OFFICER, officer);
    }
}
