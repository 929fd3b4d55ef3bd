package org.commissioning.deepdive.api;

import org.axonframework.serialization.Revision;

/** The deep-dive programme of a financial year was opened: every contract active in it gets a deep dive. */
@Revision("1")
public record ProgrammeOpenedEvent(int programmeYear) {
}
