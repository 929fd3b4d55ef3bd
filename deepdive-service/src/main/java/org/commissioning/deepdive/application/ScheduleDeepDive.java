package org.commissioning.deepdive.application;

import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.springframework.stereotype.Service;

/** An officer sets a deep dive's date and lead officer, or moves the date with a reason. */
@Service
@RequiredArgsConstructor
public class ScheduleDeepDive {

    private final DeepDiveWrites writes;

    public DeepDiveRecord schedule(String contractId, int programmeYear, LocalDate date, String leadOfficer,
                                   String reason) {
        return writes.officerSends(contractId, programmeYear, contract -> new DeepDiveCommands.Schedule(
                DeepDiveCommands.id(contractId, programmeYear), date, leadOfficer, reason, Terms.of(contract)));
    }
}
