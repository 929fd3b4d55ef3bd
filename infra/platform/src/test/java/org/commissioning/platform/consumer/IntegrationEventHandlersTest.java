package org.commissioning.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractExpired;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.junit.jupiter.api.Test;

/** Routing decoded events to their handlers by payload type. */
class IntegrationEventHandlersTest {

    final List<String> ran = new ArrayList<>();

    @Test
    void runsEveryHandlerGivenForATypeInTheOrderGiven() {
        IntegrationEventHandlers handlers = IntegrationEventHandlers.builder()
                .on(ContractRegistered.class, (event, registered) -> ran.add("shared view " + registered.contractId()))
                .on(ContractRegistered.class, (event, registered) -> ran.add("own view " + registered.contractId()))
                .build();

        assertThat(handlers.dispatch(registered("c-1"))).isTrue();

        assertThat(ran).containsExactly("shared view c-1", "own view c-1");
    }

    @Test
    void ignoresATypeWithoutAHandler() {
        IntegrationEventHandlers handlers = IntegrationEventHandlers.builder()
                .on(ContractExpired.class, (event, expired) -> ran.add("expired")).build();

        assertThat(handlers.dispatch(registered("c-1"))).isFalse();
        assertThat(ran).isEmpty();
    }

    private static IntegrationEvent<ContractRegistered> registered(String contractId) {
        return IntegrationEvent.of("e-1", "/contract-service", contractId, Instant.now(), 1, "officer.jones", "corr-1",
                new ContractRegistered(contractId, "P", "YOUTH", new Lot("DISTRICT", List.of("South"), List.of("Dover")),
                        null, null, null));
    }
}
