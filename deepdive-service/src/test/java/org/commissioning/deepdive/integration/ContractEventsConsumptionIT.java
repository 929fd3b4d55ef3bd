package org.commissioning.deepdive.integration;

import org.commissioning.testsupport.KnowsContractsFromContractRegistered;

/** deepdive-service knows the contracts registered in contract-service, as every consumer of ContractRegistered does. */
class ContractEventsConsumptionIT extends KnowsContractsFromContractRegistered {

    ContractEventsConsumptionIT() {
        super("/api/deepdives/contracts");
    }
}
