package org.commissioning.rag.api;

/** An event of a contract's ratings (the stream of its {@code ContractRating}), which names the contract. */
public interface ContractRatingEvent {

    String contractId();
}
