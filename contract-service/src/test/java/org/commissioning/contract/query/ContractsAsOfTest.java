package org.commissioning.contract.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.commissioning.contract.api.ContractAsOfQuery;
import org.commissioning.contract.api.ContractHistoryAsOfQuery;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.ServiceArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reading as of an instant over Axon's own event store, in memory. */
class ContractsAsOfTest {

    static final Instant T0 = Instant.parse("2018-04-03T09:15:00Z");

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final ContractsAsOf asOf = new ContractsAsOf(eventStore);
    final String id = UUID.randomUUID().toString();

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void readsEveryStoredEventOfTheContractNotTheLatestSnapshotAndWhatFollowsIt() {
        eventStore.publish(List.of(
                stored(0, new ContractRegisteredEvent(id, "Sk8side", ServiceArea.YOUTH, Lot.districts("Ashford"),
                        new BigDecimal("120000.00"), LocalDate.of(2018, 4, 1), LocalDate.of(2021, 3, 31), 12), T0),
                stored(1, new ContractVariedEvent(id, new BigDecimal("110000.00"), LocalDate.of(2021, 3, 31),
                        new BigDecimal("120000.00"), LocalDate.of(2021, 3, 31), LocalDate.of(2018, 7, 1),
                        "Reach reduced"), T0.plusSeconds(60))));
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("Contract", id, 1, Map.of("a", "snapshot")));

        assertThat(asOf.handle(new ContractAsOfQuery(id, T0.plusSeconds(120)))).hasValueSatisfying(contract -> {
            assertThat(contract.provider()).isEqualTo("Sk8side");
            assertThat(contract.annualValueGbp()).isEqualByComparingTo("110000.00");
            assertThat(contract.version()).isEqualTo(1);
            assertThat(contract.registeredAt()).isEqualTo(T0);
        });
        assertThat(asOf.handle(new ContractAsOfQuery(id, T0.plusSeconds(59))))
                .hasValueSatisfying(contract -> assertThat(contract.annualValueGbp()).isEqualByComparingTo("120000.00"));
        assertThat(asOf.handle(new ContractHistoryAsOfQuery(id, T0.plusSeconds(120))))
                .extracting(ContractHistoryEntry::type).containsExactly("ContractRegistered", "ContractVaried");
        assertThat(asOf.handle(new ContractAsOfQuery(id, T0.minusMillis(1)))).isEmpty();
        assertThat(asOf.handle(new ContractHistoryAsOfQuery(id, T0.minusMillis(1)))).isEmpty();
    }

    private GenericDomainEventMessage<?> stored(long sequence, Object event, Instant at) {
        return new GenericDomainEventMessage<>("Contract", id, sequence, event, Map.of(),
                UUID.randomUUID().toString(), at);
    }
}
