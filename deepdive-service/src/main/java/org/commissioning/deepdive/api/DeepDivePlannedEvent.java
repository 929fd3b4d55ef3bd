package org.commissioning.deepdive.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/** A contract's deep dive joined the programme of a year, due by {@code dueDate}. */
@Revision("1")
public record DeepDivePlannedEvent(String contractId, int programmeYear, LocalDate dueDate, String provider,
                                   List<String> districts) implements DeepDiveEvent {

    public DeepDivePlannedEvent {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
