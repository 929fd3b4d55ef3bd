package org.commissioning.rag.web;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.platform.domain.CausationContext;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.rag.api.OverrideRatingCommand;
import org.commissioning.rag.api.RatingHistory;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RecordTrajectoryStatementCommand;
import org.commissioning.rag.query.ContractsKnownHere;
import org.commissioning.rag.query.RatingHistoryProjection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A contract's rating history (with evidence, as known at any moment), officer judgement on a period and officer
 * trajectory statements.
 */
@RestController
@RequestMapping("/api/ratings/contracts/{contractId}")
public class RatingsController {

    /** Body of an override: the rating decided (GREEN, AMBER or RED) and the officer's rationale. */
    public record OverrideRequest(
            @NotNull Rating rating,
            @NotBlank @Size(max = OverrideRatingCommand.MAX_RATIONALE) String rationale) {
    }

    /** What an override answers: the period's decided rating, the officer and the basis. */
    public record OverrideResponse(String contractId, YearMonth period, Rating rating, String basis, String officer) {
    }

    /** Body of an officer's trajectory statement: where the rating is heading, within how many months (default 3). */
    public record TrajectoryRequest(
            @NotNull Rating projectedRating,
            @NotBlank @Size(max = RecordTrajectoryStatementCommand.MAX_STATEMENT) String statement,
            @Min(1) @Max(RecordTrajectoryStatementCommand.MAX_HORIZON_MONTHS) Integer horizonMonths) {
    }

    /** What a trajectory statement answers. */
    public record TrajectoryResponse(String contractId, Rating projectedRating, int horizonMonths, String statement,
                                     String basis, String officer) {
    }

    private final CommandGateway commands;
    private final RatingHistoryProjection history;
    private final ContractsKnownHere known;

    public RatingsController(CommandGateway commands, RatingHistoryProjection history,
                             ContractsKnownHere known) {
        this.commands = commands;
        this.history = history;
        this.known = known;
    }

    @PostMapping("/periods/{period}/override")
    public OverrideResponse override(@PathVariable UUID contractId, @PathVariable String period,
                                     @Valid @RequestBody OverrideRequest request) {
        YearMonth month = period(period);
        Rating rating = decidable(request.rating(), "rating");
        known.require(contractId.toString());
        String officer = CausationContext.currentOrNew().actor();
        commands.sendAndWait(new OverrideRatingCommand(contractId.toString(), month, rating, request.rationale(),
                officer, known.term(contractId.toString())));
        return new OverrideResponse(contractId.toString(), month, rating, "OFFICER", officer);
    }

    /** An officer's statement of where the rating is heading; 409 while the contract has no rating. */
    @PostMapping("/trajectory")
    public TrajectoryResponse trajectory(@PathVariable UUID contractId,
                                         @Valid @RequestBody TrajectoryRequest request) {
        Rating projected = decidable(request.projectedRating(), "projectedRating");
        int horizon = request.horizonMonths() == null ? 3 : request.horizonMonths();
        String id = contractId.toString();
        known.require(id);
        String officer = CausationContext.currentOrNew().actor();
        try {
            commands.sendAndWait(new RecordTrajectoryStatementCommand(id, projected, horizon, request.statement(),
                    officer, known.term(id)));
        } catch (AggregateNotFoundException e) {
            throw new StateConflictException("rated-before-trajectory", "NOT_RATED_YET", "Contract " + id
                    + " has no rating yet; a trajectory is stated from a rating");
        }
        return new TrajectoryResponse(id, projected, horizon, request.statement().strip(), "OFFICER", officer);
    }

    /** STRETCH and NOT_RATED are ratings, but not ones an officer decides. */
    private static Rating decidable(Rating rating, String field) {
        if (!rating.decidable()) {
            throw new RuleViolationException("decidable-rating", field, "Expected GREEN, AMBER or RED; got " + rating);
        }
        return rating;
    }

    @GetMapping("/ratings")
    public RatingHistory ratings(@PathVariable UUID contractId, @RequestParam(required = false) String asOf) {
        Instant moment = null;
        if (asOf != null) {
            try {
                moment = Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new RuleViolationException("instant", "asOf", "asOf is an instant, e.g. 2018-05-16T10:00:00Z");
            }
        }
        RatingHistory found = history.history(contractId.toString(), moment);
        if (found.periods().isEmpty()) {
            known.require(contractId.toString());
        }
        return found;
    }

    private static YearMonth period(String period) {
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("period", "period", "A period is a month, yyyy-MM; got " + period);
        }
    }
}
