package org.commissioning.kpi.integration;

import org.commissioning.testsupport.KnowsContractsFromContractRegistered;

/** kpi-service knows the contracts registered in contract-service, as every consumer of ContractRegistered does. */
class ContractEventsConsumptionIT extends KnowsContractsFromContractRegistered {

    ContractEventsConsumptionIT() {
        super("/api/kpi/contracts");
    }
}
