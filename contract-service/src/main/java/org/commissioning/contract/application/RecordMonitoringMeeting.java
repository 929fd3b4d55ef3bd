package org.commissioning.contract.application;

import org.commissioning.contract.api.RecordMonitoringMeetingCommand;
import org.springframework.stereotype.Service;

/** Records a monitoring meeting held, its attendees, notes and actions. */
@Service
public class RecordMonitoringMeeting {

    private final ContractCommands contracts;

    public RecordMonitoringMeeting(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public ContractChanged record(RecordMonitoringMeetingCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
