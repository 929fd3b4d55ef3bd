package org.commissioning.contract.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * Stored event: a monitoring meeting was not held by its due date (once per due date).
 *
 * @param lastMeetingHeldOn the last meeting held, or null if none has been
 * @param flaggedOn         the date the overdue meeting was noticed
 */
@Revision("1")
public record MonitoringMeetingOverdueEvent(
        String contractId,
        LocalDate dueDate,
        MonitoringCadence cadence,
        LocalDate lastMeetingHeldOn,
        LocalDate flaggedOn) implements ContractEvent {
}
