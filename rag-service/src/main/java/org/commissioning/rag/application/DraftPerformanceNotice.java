package org.commissioning.rag.application;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.commissioning.rag.api.PerformanceNotice;
import org.commissioning.rag.api.PerformanceNoticeCommands;
import org.commissioning.rag.api.PerformanceNoticeDraftedEvent;
import org.commissioning.rag.command.NoticeSchedule;
import org.commissioning.rag.command.PerformanceNoticePolicy;
import org.springframework.stereotype.Service;

/**
 * An officer drafts the contract performance notice of an assessment year from the contract's recorded ratings
 * (policy {@value PerformanceNoticePolicy#VERSION}). Any registered contract may have one drafted; whether it owes
 * notices (s.52 scope) is recorded in the draft and decides only whether the scan tracks them.
 */
@Service
@RequiredArgsConstructor
public class DraftPerformanceNotice {

    private final CommandGateway commands;
    private final KnownContracts contracts;
    private final PerformanceNoticeRecords records;
    private final Clock clock;

    /**
     * Only for a caller who manages contracts (403 first); 404 for a contract not registered here; 400
     * {@code assessment-year} (field {@code yearFrom}) for a month that does not start a year of the term, 400
     * {@code assessment-year-begun} for a year not begun; 409 {@code notice-not-confirmed} once confirmed.
     */
    public PerformanceNotice draft(String contractId, YearMonth yearFrom) {
        Access.require(Permission.MANAGE_CONTRACTS);
        KnownContract contract = contracts.require(contractId);
        if (yearFrom.isAfter(YearMonth.now(clock))) {
            throw new RuleViolationException("assessment-year-begun", "yearFrom", "The assessment year from "
                    + yearFrom + " has not begun (the current month is " + YearMonth.now(clock) + ")");
        }
        YearMonth yearTo = NoticeSchedule.yearTo(contract.start(), contract.end(), yearFrom).orElseThrow(() ->
                new RuleViolationException("assessment-year", "yearFrom", contract.start() == null
                        ? "Contract " + contractId + " has no start date recorded, so it has no assessment years"
                        : yearFrom + " does not start an assessment year of the term " + contract.start() + ".."
                        + contract.end() + ": years run in twelve-month steps from the start month"));
        List<Object> ratingEvents = records.ratingEvents(contractId);
        PerformanceNoticeDraftedEvent draft = PerformanceNoticePolicy.derive(contractId, yearFrom, yearTo,
                records.scope(contract, ratingEvents, yearTo), ratingEvents);
        commands.sendAndWait(new PerformanceNoticeCommands.Draft(PerformanceNoticeCommands.id(contractId), draft));
        return records.notices(contract).get(yearFrom);
    }
}
