package org.commissioning.contract.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * Stored event: the contract's deep dive of {@code programmeYear} recommended a formal variation; pending until a
 * variation of the contract is recorded after it. Not published: deep dives publish it themselves
 * ({@code VariationRecommended}).
 *
 * @param reason        why a variation is needed, whether it is possible, and how (the deep dive's words)
 * @param recommendedOn the day this service recorded it
 */
@Revision("1")
public record VariationRecommendedEvent(
        String contractId,
        int programmeYear,
        String reason,
        LocalDate recommendedOn) implements ContractEvent {
}
