package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.junit.jupiter.api.Test;

class IntegrationEventsTest {

    final IntegrationEventCodec codec = new IntegrationEventCodec();

    @Test
    void buildsContractRegisteredAsContractServicePublishesIt() {
        IntegrationEvent<ContractRegistered> event =
                IntegrationEvents.registered("2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10", 3, "7d0b6f6e-4f3c-4a8e-9d2b-1c6a5e4f3b21");

        assertThat(event.id()).isEqualTo("7d0b6f6e-4f3c-4a8e-9d2b-1c6a5e4f3b21");
        assertThat(event.source()).isEqualTo("/contract-service");
        assertThat(event.type()).isEqualTo("org.commissioning.contracts.ContractRegistered.v1");
        assertThat(event.subject()).isEqualTo("2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10").isEqualTo(event.data().contractId());
        assertThat(event.time()).isEqualTo(IntegrationEvents.REGISTERED_AT);
        assertThat(event.sequence()).isEqualTo(3);
        assertThat(event.actor()).isEqualTo("officer.jones");
        assertThat(event.data().provider()).isEqualTo("Sk8side");
        assertThat(event.data().lot().districts()).containsExactly("Ashford");
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @Test
    void givesEachEventANewIdUnlessToldOne() {
        String contract = "2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10";

        assertThat(IntegrationEvents.registered(contract, 1).id()).isNotEqualTo(IntegrationEvents.registered(contract, 1).id());
        assertThat(IntegrationEvents.registered(contract, 1, "e-1").id()).isEqualTo("e-1");
    }
}
