package org.commissioning.kpi.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.kpi.api.ContractFacts;
import org.commissioning.kpi.api.ContractStatus;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.OverdueReturn;
import org.commissioning.kpi.api.ReturnPeriods;
import org.commissioning.kpi.query.ContractStatusView;
import org.commissioning.kpi.query.KpiFrameworks;
import org.commissioning.kpi.query.MonthlyReturnsProjection;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.platform.security.Permission;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * What the use cases of a contract's figures share: the contract as this service knows it and the caller may see
 * (403 without the use case's permission, 404 when it is not known or belongs to another provider than the caller's),
 * whether it ended, its framework versions (read from the framework's own events), its returns as read, the
 * council's clock, the checks of a month and the sending of commands.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ContractFigures {

    /**
     * A return is created by whichever comes first of the provider's return, the council's figures and the overdue
     * scan: when two race to create it, the loser is sent once more and then meets the return the winner created.
     */
    private static final RetryTemplate CREATION_RACE = RetryTemplate.builder().maxAttempts(2).noBackoff()
            .retryOn(List.of(AggregateStreamCreationException.class, ConcurrencyException.class)).build();

    private final KnownContracts contracts;
    private final ContractStatusView statuses;
    private final KpiFrameworks frameworks;
    private final MonthlyReturnsProjection returns;
    private final CommandGateway commands;
    private final Clock clock;

    /**
     * The contract for a caller holding {@code permission} (403 otherwise, before anything is read) who may act for
     * its provider (a provider confined to another one gets the 404 of a contract not known here).
     */
    KnownContract known(String id, Permission permission) {
        return contracts.requireFor(permission, id);
    }

    List<KnownContract> all() {
        return contracts.all();
    }

    static ContractFacts facts(KnownContract contract) {
        return new ContractFacts(contract.start(), contract.end(), contract.districts());
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    FrameworkHistory frameworks(String id) {
        return frameworks.of(id);
    }

    /** When the contract was terminated or expired, if it was. */
    Optional<LocalDate> endedOn(String id) {
        return statuses.find(id).map(ContractStatus::endedOn);
    }

    MonthlyReturnsProjection returns() {
        return returns;
    }

    /**
     * Refuses figures for a month after the one the contract ended in (terminated or expired), 409
     * {@code contract-not-active} with the status as {@code currentState}; the month it ended in is still taken.
     * Reads the view of ended contracts, so it applies a moment after the event is published.
     */
    void requireActive(String id, YearMonth period) {
        statuses.find(id).filter(status -> !status.accepts(period)).ifPresent(status -> {
            throw new StateConflictException("contract-not-active", status.status(), "Contract " + id + " is "
                    + status.status().toLowerCase(Locale.ROOT) + " (service ended " + status.endedOn()
                    + "): no figures are taken for " + period + ", only for months up to "
                    + YearMonth.from(status.endedOn()));
        });
    }

    /** {@code period-in-future}, {@code period-outside-term}, as the return's own commands check them. */
    void requireInTerm(String id, KnownContract contract, YearMonth period, String what) {
        ReturnPeriods.require(period, id, facts(contract), currentMonth(), what);
    }

    /**
     * A command that may create its aggregate, sent again once if it lost a creation race; a second clash is thrown
     * for the use case to answer.
     */
    void sendCreating(Object command) {
        CREATION_RACE.execute(attempt -> commands.sendAndWait(command));
    }

    /** A command to an existing return; {@code missing} answers when there is none. */
    void sendToExisting(Object command, Supplier<NotFoundException> missing) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw missing.get();
        }
    }

    void send(Object command) {
        commands.sendAndWait(command);
    }
}
