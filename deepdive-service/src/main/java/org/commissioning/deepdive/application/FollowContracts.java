package org.commissioning.deepdive.application;

import java.time.LocalDate;
import java.util.TreeSet;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.ProgrammeYear;
import org.commissioning.deepdive.query.ProgrammeRowsProjection;
import org.commissioning.knowncontracts.KnownContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The programmes follow the contracts (contracts.events.v1): a contract registered while a programme year is open
 * joins every open year its term overlaps; a contract that ends (terminated or expired) leaves the programme of the
 * year it ends in and of every later year: each such deep dive not yet complete is cancelled with the reason.
 * Deep dives of years over before the contract ended stay as they are.
 */
@Service
@RequiredArgsConstructor
public class FollowContracts {

    private static final Logger log = LoggerFactory.getLogger(FollowContracts.class);

    private final ProgrammeRowsProjection rows;
    private final ProgrammePlanner planner;
    private final DeepDiveRecords records;
    private final CommandGateway commands;

    public void registered(KnownContract contract) {
        rows.openYears().forEach(year -> planner.join(contract, year));
    }

    /** @param reason e.g. "The contract was terminated with effect from 2018-09-30" */
    public void ended(String contractId, LocalDate end, String reason) {
        TreeSet<Integer> years = new TreeSet<>(rows.openYears());
        rows.ofContract(contractId).forEach(row -> years.add(row.programmeYear()));
        for (int year : years) {
            if (new ProgrammeYear(year).lastDay().isBefore(end)) {
                continue;
            }
            records.find(contractId, year).filter(r -> !r.status().isFinished()).ifPresent(r -> {
                try {
                    commands.sendAndWait(new DeepDiveCommands.Cancel(r.deepDiveId(), reason));
                } catch (RuntimeException e) {
                    if (ProgrammePlanner.refusal(e) == null) {
                        throw e;
                    }
                    log.debug("Deep dive {} not cancelled: {}", r.deepDiveId(), e.getMessage());
                }
            });
        }
    }
}
