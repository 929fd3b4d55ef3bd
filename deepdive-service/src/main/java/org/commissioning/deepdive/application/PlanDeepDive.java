package org.commissioning.deepdive.application;

import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.springframework.stereotype.Service;

/** An officer plans one contract's deep dive of a programme year, by default due in its anniversary month. */
@Service
@RequiredArgsConstructor
public class PlanDeepDive {

    private final DeepDiveWrites writes;

    /** @param dueDate null for the default */
    public DeepDiveRecord plan(String contractId, int programmeYear, LocalDate dueDate) {
        return writes.officerSends(contractId, programmeYear, contract -> new DeepDiveCommands.Plan(
                DeepDiveCommands.id(contractId, programmeYear), contractId, programmeYear, dueDate,
                contract.provider(), contract.districts(), Terms.of(contract)));
    }
}
