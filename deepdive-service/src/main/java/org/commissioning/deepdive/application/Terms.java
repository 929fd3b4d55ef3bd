package org.commissioning.deepdive.application;

import org.commissioning.deepdive.api.ContractTerm;
import org.commissioning.knowncontracts.KnownContract;

/** A known contract's term, as the deep dives check dates against it. */
final class Terms {

    private Terms() {
    }

    static ContractTerm of(KnownContract contract) {
        return new ContractTerm(contract.start(), contract.end());
    }
}
