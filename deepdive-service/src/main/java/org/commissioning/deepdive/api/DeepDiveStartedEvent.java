package org.commissioning.deepdive.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DeepDiveStartedEvent(String contractId, int programmeYear, LocalDate startedOn, String leadOfficer)
        implements DeepDiveEvent {
}
