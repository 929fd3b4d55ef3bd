package org.commissioning.rag.integration;

import org.commissioning.testsupport.KnowsContractsFromContractRegistered;

/** rag-service knows the contracts registered in contract-service, as every consumer of ContractRegistered does. */
class ContractEventsConsumptionIT extends KnowsContractsFromContractRegistered {

    ContractEventsConsumptionIT() {
        super("/api/ratings/contracts");
    }
}
