package org.commissioning.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.commissioning.events.contracts.v1.EscalationDue;
import org.junit.jupiter.api.Test;

class IntegrationEventTest {

    static final EscalationDue DUE = new EscalationDue("c-1", List.of(), 3, null, "RED_STREAK", null, null);

    @Test
    void theFactoryWithoutTheOptionalAttributesLeavesThemOut() {
        IntegrationEvent<EscalationDue> event = IntegrationEvent.of("e-1", "/contract-service", "c-1",
                Instant.EPOCH, 1, "officer.jones", "corr-1", DUE);

        assertThat(event.actor()).isEqualTo("officer.jones");
        assertThat(event.correlationid()).isEqualTo("corr-1");
        assertThat(event.actorname()).isNull();
        assertThat(event.causedby()).isNull();
    }

    @Test
    void carriesTheActorsNameAndTheActorWhoStartedTheChain() {
        IntegrationEvent<EscalationDue> event = IntegrationEvent.of("e-1", "/contract-service", "c-1",
                Instant.EPOCH, 1, "system", "system", "corr-1", "provider.nelft", DUE);

        assertThat(event.type()).isEqualTo("org.commissioning.contracts.EscalationDue.v1");
        assertThat(event.actor()).isEqualTo("system");
        assertThat(event.actorname()).isEqualTo("system");
        assertThat(event.correlationid()).isEqualTo("corr-1");
        assertThat(event.causedby()).isEqualTo("provider.nelft");
    }

    @Test
    void anEnvelopeAsWrittenBeforeTheOptionalAttributesEqualsOneWithoutThem() {
        IntegrationEvent<EscalationDue> old = new IntegrationEvent<>(IntegrationEvent.SPEC_VERSION, "e-1",
                "/contract-service", "org.commissioning.contracts.EscalationDue.v1", "c-1", Instant.EPOCH,
                IntegrationEvent.DATA_CONTENT_TYPE, 1, "officer.jones", "corr-1", DUE);

        assertThat(old).isEqualTo(IntegrationEvent.of("e-1", "/contract-service", "c-1", Instant.EPOCH, 1,
                "officer.jones", "corr-1", DUE));
    }
}
