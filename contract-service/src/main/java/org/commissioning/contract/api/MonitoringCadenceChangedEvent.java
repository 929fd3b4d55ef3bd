package org.commissioning.contract.api;

import java.time.LocalDate;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * Stored event: a contract's monitoring cadence changed (or was set for the first time) with its overall rating.
 *
 * @param previousCadence null the first time
 * @param period          the rated period that brought the change
 * @param changedOn       the date the change was decided
 * @param nextMeetingDue  the last meeting held plus the cadence, or (no meeting yet) {@code changedOn} plus the cadence
 */
@Revision("1")
public record MonitoringCadenceChangedEvent(
        String contractId,
        Rating rating,
        MonitoringCadence cadence,
        MonitoringCadence previousCadence,
        YearMonth period,
        LocalDate changedOn,
        LocalDate nextMeetingDue) implements ContractEvent {
}
