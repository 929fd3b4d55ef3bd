package org.commissioning.kpi.query;

import org.commissioning.kpi.api.KnownContract;
import org.commissioning.kpi.integration.ContractEventsTranslator;
import org.commissioning.testsupport.KnownContractsViewContract;

/** The view of known contracts: its translator and its projection as plain objects over a real MongoTemplate. */
class KnownContractsProjectionTest extends KnownContractsViewContract<KnownContract, KnownContractsProjection> {

    KnownContractsProjectionTest() {
        super(KnownContract.class, KnownContractsProjection::new, KnownContractsProjection.COLLECTION,
                ContractEventsTranslator::knownContract, KnownContractsProjection::on,
                KnownContractsProjection::find, KnownContractsProjection::all);
    }
}
