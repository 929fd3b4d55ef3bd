package org.commissioning.events.contracts.v1;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract was registered with the council.
 *
 * @param serviceArea     FAMILY_SUPPORT, YOUNG_CARERS, CHILDRENS_CENTRES, YOUTH, NEETS, EMOTIONAL_HEALTH_AND_WELLBEING or LOCAL_GRANTS
 * @param annualValueGbp  null where the council has not recorded it
 * @param start           null where not recorded
 * @param end             null where not recorded
 */
@PublishedEvent(context = Context.CONTRACTS, name = "ContractRegistered", version = 1)
public record ContractRegistered(
        String contractId,
        String provider,
        String serviceArea,
        Lot lot,
        BigDecimal annualValueGbp,
        LocalDate start,
        LocalDate end) {
}
