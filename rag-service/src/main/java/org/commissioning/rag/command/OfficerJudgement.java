package org.commissioning.rag.command;

import java.time.Clock;
import java.time.YearMonth;

import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.rag.api.ContractTerm;
import org.commissioning.rag.api.OverrideRatingCommand;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RecordTrajectoryStatementCommand;

/**
 * The rules an officer's judgement meets: an override of a period's rating, and a statement of where the contract's
 * rating is heading. Each rule is named by the problem's {@code rule}.
 */
public final class OfficerJudgement {

    /** How far ahead a trajectory statement looks when the officer does not say. */
    public static final int DEFAULT_HORIZON_MONTHS = 3;

    private OfficerJudgement() {
    }

    /**
     * {@code decidable-rating}: an officer decides GREEN, AMBER or RED; STRETCH and NOT_RATED are ratings, but not
     * ones an officer decides.
     */
    public static Rating requireDecidable(Rating rating, String field) {
        if (rating == null || !rating.decidable()) {
            throw new RuleViolationException("decidable-rating", field,
                    "An officer decides GREEN, AMBER or RED; got " + rating);
        }
        return rating;
    }

    /** {@code rated-before-trajectory}: a trajectory is stated from a rating. */
    public static StateConflictException notRatedYet(String contractId) {
        return new StateConflictException("rated-before-trajectory", "NOT_RATED_YET", "Contract " + contractId
                + " has no rating yet; a trajectory is stated from a rating");
    }

    static void requireValid(OverrideRatingCommand command, Clock clock) {
        requireDecidable(command.rating(), "rating");
        requireText(command.rationale(), "rationale", OverrideRatingCommand.MAX_RATIONALE,
                "Setting a rating by officer judgement needs a written rationale");
        requireRatablePeriod(command.period(), command.term(), clock);
    }

    static void requireValid(RecordTrajectoryStatementCommand command, Clock clock) {
        requireDecidable(command.projectedRating(), "projectedRating");
        requireText(command.statement(), "statement", RecordTrajectoryStatementCommand.MAX_STATEMENT,
                "A trajectory statement needs its words, e.g. \"on trajectory for green in the next three months\"");
        if (command.horizonMonths() < 1 || command.horizonMonths() > RecordTrajectoryStatementCommand.MAX_HORIZON_MONTHS) {
            throw new RuleViolationException("horizon-months", "horizonMonths",
                    "A trajectory looks 1 to 12 months ahead; got " + command.horizonMonths());
        }
        YearMonth now = YearMonth.now(clock);
        ContractTerm term = known(command.term());
        if (!term.covers(now)) {
            throw new RuleViolationException("period-within-term", null, "A trajectory is stated now, in " + now
                    + ", which is outside the contract's term " + term);
        }
    }

    /** {@code <field>-required} and {@code <field>-length}: the officer's words, 1 to {@code max} characters. */
    private static void requireText(String text, String field, int max, String whatIsNeeded) {
        if (text == null || text.isBlank()) {
            throw new RuleViolationException(field + "-required", field, whatIsNeeded);
        }
        if (text.length() > max) {
            throw new RuleViolationException(field + "-length", field, "A " + field + " is at most " + max
                    + " characters; got " + text.length());
        }
    }

    /**
     * An officer rates a month that has begun (not after the current month in the council's zone) and lies within
     * the contract's term as known here; an unknown side of the term does not bound it.
     */
    private static void requireRatablePeriod(YearMonth period, ContractTerm known, Clock clock) {
        if (period == null) {
            throw new RuleViolationException("period-required", "period", "A rating is for a period, yyyy-MM");
        }
        YearMonth current = YearMonth.now(clock);
        if (period.isAfter(current)) {
            throw new RuleViolationException("period-not-in-future", "period",
                    period + " is after the current month " + current + "; a period is rated once it has begun");
        }
        ContractTerm term = known(known);
        if (!term.covers(period)) {
            throw new RuleViolationException("period-within-term", "period",
                    period + " is outside the contract's term " + term);
        }
    }

    private static ContractTerm known(ContractTerm term) {
        return term == null ? ContractTerm.UNKNOWN : term;
    }
}
