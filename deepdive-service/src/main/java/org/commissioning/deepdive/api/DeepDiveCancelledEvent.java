package org.commissioning.deepdive.api;

import org.axonframework.serialization.Revision;

/** The unfinished deep dive left its programme, e.g. because the contract ended. */
@Revision("1")
public record DeepDiveCancelledEvent(String contractId, int programmeYear, String reason) implements DeepDiveEvent {
}
