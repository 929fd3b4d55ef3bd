package org.commissioning.rag.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.rag.application.FindRatingHistory;
import org.commissioning.rag.application.OverrideRating;
import org.commissioning.rag.application.StateTrajectory;
import org.commissioning.rag.api.OverrideRatingCommand;
import org.commissioning.rag.api.RatingHistory;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RecordTrajectoryStatementCommand;
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
@RequiredArgsConstructor
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

    private final OverrideRating overrideRating;
    private final StateTrajectory stateTrajectory;
    private final FindRatingHistory ratingHistory;

    @PostMapping("/periods/{period}/override")
    public OverrideResponse override(@PathVariable UUID contractId, @PathVariable String period,
                                     @Valid @RequestBody OverrideRequest request) {
        OverrideRating.Overridden overridden = overrideRating.override(new OverrideRating.Judgement(
                contractId.toString(), period(period), request.rating(), request.rationale()));
        return new OverrideResponse(overridden.contractId(), overridden.period(), overridden.rating(),
                overridden.basis().name(), overridden.officer());
    }

    /** An officer's statement of where the rating is heading; 409 while the contract has no rating. */
    @PostMapping("/trajectory")
    public TrajectoryResponse trajectory(@PathVariable UUID contractId,
                                         @Valid @RequestBody TrajectoryRequest request) {
        StateTrajectory.Stated stated = stateTrajectory.state(new StateTrajectory.Statement(contractId.toString(),
                request.projectedRating(), request.statement(), request.horizonMonths()));
        return new TrajectoryResponse(stated.contractId(), stated.projectedRating(), stated.horizonMonths(),
                stated.statement(), stated.basis().name(), stated.officer());
    }

    @GetMapping("/ratings")
    public RatingHistory ratings(@PathVariable UUID contractId, @RequestParam(required = false) String asOf) {
        return ratingHistory.find(contractId.toString(), asOf);
    }

    private static YearMonth period(String period) {
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("period", "period", "A period is a month, yyyy-MM; got " + period);
        }
    }
}
