package org.commissioning.events.deepdives.v1;

import java.time.LocalDate;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract's deep dive joined a programme year, planned with a due date (by default in the contract's anniversary
 * month within that financial year).
 *
 * @param programmeYear the year the financial year starts in (2018 for 2018-19)
 * @param dueDate       the last day the deep dive is due
 * @param provider      the contract's provider
 * @param districts     the districts the contract's lot covers
 */
@PublishedEvent(context = Context.DEEPDIVES, name = "DeepDivePlanned", version = 1)
public record DeepDivePlanned(
        String contractId,
        int programmeYear,
        LocalDate dueDate,
        String provider,
        List<String> districts) {

    public DeepDivePlanned {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
