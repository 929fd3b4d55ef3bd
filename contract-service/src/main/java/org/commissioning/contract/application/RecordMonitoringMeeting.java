package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.RecordMonitoringMeetingCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Records a monitoring meeting held, its attendees, notes and actions. */
@Service
@RequiredArgsConstructor
public class RecordMonitoringMeeting {

    private final ContractCommands contracts;

    public ContractChanged record(RecordMonitoringMeetingCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
