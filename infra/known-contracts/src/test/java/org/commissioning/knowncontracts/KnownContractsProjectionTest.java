package org.commissioning.knowncontracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.testsupport.IntegrationEvents;
import org.commissioning.testsupport.KnownContractsViewContract;
import org.junit.jupiter.api.Test;

/**
 * The view of known contracts: its translator and its projection as plain objects over a real MongoTemplate,
 * including the term's end moving with variations, extensions and terminations.
 */
class KnownContractsProjectionTest extends KnownContractsViewContract<KnownContract, KnownContractsProjection> {

    static final String ID = "2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10";

    KnownContractsProjectionTest() {
        super(KnownContract.class, KnownContractsProjection::new, KnownContractsProjection.COLLECTION,
                KnownContractEvents::knownContract, KnownContractsProjection::on,
                KnownContractsProjection::find, KnownContractsProjection::all);
    }

    @Test
    void movesTheEndOfTheTermAsOfTheEventsSequence() {
        register(1);

        projection.termEnds(ID, LocalDate.of(2020, 3, 31), 2);

        KnownContract known = projection.find(ID).orElseThrow();
        assertThat(known.end()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(known.lastSequence()).isEqualTo(2);
        assertThat(known.start()).isEqualTo(LocalDate.of(2016, 4, 1));
        assertThat(known.provider()).isEqualTo("Sk8side");
    }

    @Test
    void anEventAlreadyAppliedOrOlderDoesNotUndoANewerEnd() {
        register(1);
        projection.termEnds(ID, LocalDate.of(2019, 6, 30), 3);

        projection.termEnds(ID, LocalDate.of(2020, 3, 31), 2);
        projection.termEnds(ID, LocalDate.of(2021, 3, 31), 3);
        register(1);

        assertThat(projection.find(ID).orElseThrow().end()).isEqualTo(LocalDate.of(2019, 6, 30));
        assertThat(projection.find(ID).orElseThrow().lastSequence()).isEqualTo(3);
    }

    @Test
    void aNewEndOfAContractNotKnownHereChangesNothing() {
        projection.termEnds(ID, LocalDate.of(2020, 3, 31), 2);

        assertThat(projection.find(ID)).isEmpty();
        assertThat(projection.all()).isEmpty();
    }

    private void register(long sequence) {
        IntegrationEvent<ContractRegistered> event = IntegrationEvents.registered(ID, sequence);
        projection.on(KnownContractEvents.knownContract(event, event.data()));
    }
}
