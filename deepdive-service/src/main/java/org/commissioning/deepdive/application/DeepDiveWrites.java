package org.commissioning.deepdive.application;

import java.util.function.Function;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Component;

/**
 * What every officer's write on a deep dive does: the caller must manage contracts (403 first, whatever the
 * contract), the contract must be known here (404), then the deep dive decides; the answer is its record after.
 */
@Component
@RequiredArgsConstructor
class DeepDiveWrites {

    private final CommandGateway commands;
    private final KnownContracts contracts;
    private final DeepDiveRecords records;

    DeepDiveRecord officerSends(String contractId, int programmeYear, Function<KnownContract, Object> command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        KnownContract contract = contracts.require(contractId);
        commands.sendAndWait(command.apply(contract));
        return records.require(contractId, programmeYear);
    }
}
