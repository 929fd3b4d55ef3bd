package org.commissioning.deepdive.api;

import org.axonframework.serialization.Revision;

/**
 * An area was graded with the evidence seen and the findings.
 *
 * @param variationReason area 9 only: why a formal variation is recommended; null when none is
 */
@Revision("1")
public record DeepDiveAreaGradedEvent(String contractId, int programmeYear, Area area, Grade grade, String evidence,
                                      String findings, String variationReason) implements DeepDiveEvent {
}
