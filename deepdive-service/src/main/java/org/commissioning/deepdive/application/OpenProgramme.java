package org.commissioning.deepdive.application;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * An officer opens the deep-dive programme of a financial year: every contract known here whose term overlaps the
 * year gets a deep dive, planned due in its anniversary month within the year. A contract registered later whose
 * term overlaps the year joins it then ({@link FollowContracts}).
 */
@Service
@RequiredArgsConstructor
public class OpenProgramme {

    private final CommandGateway commands;
    private final KnownContracts contracts;
    private final ProgrammePlanner planner;

    /** The contracts planned into the year. */
    public record Opened(int programmeYear, List<String> planned) {
    }

    /** MANAGE_CONTRACTS (403 first); 409 {@code programme-opened-once} for a year opened before. */
    public Opened open(int programmeYear) {
        Access.require(Permission.MANAGE_CONTRACTS);
        commands.sendAndWait(new DeepDiveCommands.OpenProgramme(DeepDiveCommands.programmeId(programmeYear),
                programmeYear));
        List<String> planned = contracts.all().stream().filter(c -> planner.join(c, programmeYear))
                .map(KnownContract::id).toList();
        return new Opened(programmeYear, planned);
    }
}
