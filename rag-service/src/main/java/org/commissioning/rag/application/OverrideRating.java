package org.commissioning.rag.application;

import java.time.YearMonth;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.OverrideRatingCommand;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.command.OfficerJudgement;
import org.commissioning.rag.query.ContractsKnownHere;
import org.springframework.stereotype.Service;

/** An officer decides a period's rating, with a rationale, within the contract's term as known here. */
@Service
@RequiredArgsConstructor
public class OverrideRating {

    /** The officer's judgement: the rating decided (GREEN, AMBER or RED) and why. */
    public record Judgement(String contractId, YearMonth period, Rating rating, String rationale) {
    }

    /** The period's decided rating, its basis and the officer who decided it. */
    public record Overridden(String contractId, YearMonth period, Rating rating, Basis basis, String officer) {
    }

    private final CommandGateway commands;
    private final ContractsKnownHere known;

    /**
     * Only for a caller who manages contracts (403 otherwise, before anything else); then a rating an officer does
     * not decide is refused (400), then an unknown contract (404).
     */
    public Overridden override(Judgement judgement) {
        Access.require(Permission.MANAGE_CONTRACTS);
        OfficerJudgement.requireDecidable(judgement.rating(), "rating");
        known.require(judgement.contractId());
        String officer = CausationContext.currentOrNew().actor();
        commands.sendAndWait(new OverrideRatingCommand(judgement.contractId(), judgement.period(), judgement.rating(),
                judgement.rationale(), officer, known.term(judgement.contractId())));
        return new Overridden(judgement.contractId(), judgement.period(), judgement.rating(), Basis.OFFICER, officer);
    }
}
