package org.commissioning.gateway.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.testsupport.IntegrationEvents;

/**
 * Contract events as contract-service publishes them, with the fields the dashboard shows chosen by the test
 * (put them on the topic with {@link org.commissioning.testsupport.EventSender}).
 */
public final class ContractEvents {

    private ContractEvents() {
    }

    /** The first event of a contract running from 2018-04-01 to 2021-03-31, registered now, with a new event id. */
    public static IntegrationEvent<ContractRegistered> registered(String contractId, String provider, String serviceArea,
                                                                  Lot lot, BigDecimal annualValueGbp) {
        return IntegrationEvents.contractEvent(UUID.randomUUID().toString(), contractId,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), 1,
                new ContractRegistered(contractId, provider, serviceArea, lot, annualValueGbp,
                        LocalDate.of(2018, 4, 1), LocalDate.of(2021, 3, 31)));
    }

    /** Sk8side's youth contract in Ashford (South), registered now. */
    public static IntegrationEvent<ContractRegistered> sk8side(String contractId, BigDecimal annualValueGbp) {
        return registered(contractId, "Sk8side", "YOUTH", district("South", "Ashford"), annualValueGbp);
    }

    public static Lot district(String area, String district) {
        return new Lot("DISTRICT", List.of(area), List.of(district));
    }
}
