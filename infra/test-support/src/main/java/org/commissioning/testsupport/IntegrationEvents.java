package org.commissioning.testsupport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;

/** Integration events as contract-service publishes them on {@code contracts.events.v1}. */
public final class IntegrationEvents {

    /** When the contract of {@link #registered(String, long)} was registered. */
    public static final Instant REGISTERED_AT = Instant.parse("2018-04-03T09:15:00Z");
    /** The actor every test event names (the {@code actor} extension). */
    public static final String ACTOR = "officer.jones";

    private IntegrationEvents() {
    }

    /**
     * {@code ContractRegistered.v1} of Sk8side's youth contract in Ashford (South), 2016-04-01 to 2019-03-31,
     * worth 120000.00 a year, registered at {@link #REGISTERED_AT}, with a new event id.
     */
    public static IntegrationEvent<ContractRegistered> registered(String contractId, long sequence) {
        return registered(contractId, sequence, UUID.randomUUID().toString());
    }

    /** The same event with the given event id: sending it twice is a redelivery. */
    public static IntegrationEvent<ContractRegistered> registered(String contractId, long sequence, String eventId) {
        return contractEvent(eventId, contractId, REGISTERED_AT, sequence,
                new ContractRegistered(contractId, "Sk8side", "YOUTH",
                        new Lot("DISTRICT", List.of("South"), List.of("Ashford")), new BigDecimal("120000.00"),
                        LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31)));
    }

    /**
     * Any contract event in contract-service's envelope: its source, the contract id as subject, {@link #ACTOR}
     * and a new correlation id.
     */
    public static <T> IntegrationEvent<T> contractEvent(String eventId, String contractId, Instant time, long sequence,
                                                        T data) {
        return IntegrationEvent.of(eventId, Context.CONTRACTS.source(), contractId, time, sequence, ACTOR,
                UUID.randomUUID().toString(), data);
    }
}
