package org.commissioning.deepdive.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** A deep dive's full record. */
@Service
@RequiredArgsConstructor
public class FindDeepDive {

    private final KnownContracts contracts;
    private final DeepDiveRecords records;

    /**
     * READ_DETAIL (403 otherwise); another provider's contract is the 404 of one not known; 404 where the contract
     * has no deep dive in the year.
     */
    public DeepDiveRecord find(String contractId, int programmeYear) {
        contracts.requireFor(Permission.READ_DETAIL, contractId);
        return records.require(contractId, programmeYear);
    }
}
