package org.commissioning.rag.application;

import java.time.YearMonth;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.commissioning.rag.api.NoticeRating;
import org.commissioning.rag.api.PerformanceNotice;
import org.commissioning.rag.api.PerformanceNoticeCommands;
import org.springframework.stereotype.Service;

/** An officer confirms a draft notice, amending any KPI's rating, with a rationale. */
@Service
@RequiredArgsConstructor
public class ConfirmPerformanceNotice {

    private final CommandGateway commands;
    private final KnownContracts contracts;
    private final PerformanceNoticeRecords records;

    /**
     * Only for a caller who manages contracts (403 first); 404 for a contract not registered here; 409
     * {@code notice-drafted} without a draft, {@code notice-not-confirmed} once confirmed; 400
     * {@code amended-kpi-in-notice} for an amendment of a KPI the notice does not rate.
     */
    public PerformanceNotice confirm(String contractId, YearMonth yearFrom, Map<String, NoticeRating> amendments,
                                     String rationale) {
        Access.require(Permission.MANAGE_CONTRACTS);
        KnownContract contract = contracts.require(contractId);
        commands.sendAndWait(new PerformanceNoticeCommands.Confirm(PerformanceNoticeCommands.id(contractId),
                contractId, yearFrom, amendments, rationale, CausationContext.currentOrNew().actor()));
        return records.notices(contract).get(yearFrom);
    }
}
