package org.commissioning.knowncontracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract as a service knows it from {@code ContractRegistered.v1}, its term kept current by
 * {@code ContractVaried.v1}, {@code ContractExtended.v1} and {@code ContractTerminated.v1}: what the service checks
 * its requests against.
 *
 * @param id           the contract id (stored as {@code _id})
 * @param serviceArea  FAMILY_SUPPORT, YOUNG_CARERS, CHILDRENS_CENTRES, YOUTH, NEETS, EMOTIONAL_HEALTH_AND_WELLBEING or LOCAL_GRANTS
 * @param lotScope     COUNTY, AREA or DISTRICT
 * @param areas        the areas the lot covers
 * @param districts    the districts the lot covers
 * @param start        null where not recorded
 * @param end          the last day of the current term: as registered, varied or extended, or the termination's
 *                     effective date; null where not recorded
 * @param registeredAt when the contract was registered (the event's time)
 * @param lastSequence the sequence number of the last event of the contract applied to this view
 */
public record KnownContract(
        String id,
        String provider,
        String serviceArea,
        String lotScope,
        List<String> areas,
        List<String> districts,
        LocalDate start,
        LocalDate end,
        Instant registeredAt,
        long lastSequence) {

    public KnownContract {
        areas = areas == null ? List.of() : List.copyOf(areas);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    /** This contract with its term ending on {@code newEnd}, as of the contract's event {@code sequence}. */
    public KnownContract endingOn(LocalDate newEnd, long sequence) {
        return new KnownContract(id, provider, serviceArea, lotScope, areas, districts, start, newEnd, registeredAt,
                sequence);
    }
}
