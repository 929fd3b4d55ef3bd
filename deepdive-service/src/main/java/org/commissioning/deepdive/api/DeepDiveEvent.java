package org.commissioning.deepdive.api;

/** A stored event of a deep dive: every one names the contract and the programme year. */
public interface DeepDiveEvent {

    String contractId();

    int programmeYear();

    default String deepDiveId() {
        return DeepDiveCommands.id(contractId(), programmeYear());
    }
}
