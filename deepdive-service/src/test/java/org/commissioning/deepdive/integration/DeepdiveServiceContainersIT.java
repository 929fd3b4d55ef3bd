package org.commissioning.deepdive.integration;

import org.commissioning.testsupport.KnowsContractsOnRealMongoAndKafka;

/**
 * {@link ContractEventsConsumptionIT}'s first case against real MongoDB (a replica set, with transactions) and a
 * real Kafka broker in containers; skipped, with the reason in the report, where no Docker engine is available.
 */
class DeepdiveServiceContainersIT extends KnowsContractsOnRealMongoAndKafka {

    DeepdiveServiceContainersIT() {
        super("/api/deepdives/contracts");
    }
}
