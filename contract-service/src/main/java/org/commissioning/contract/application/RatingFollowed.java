package org.commissioning.contract.application;

/**
 * What an event of another context (a rating, a deep dive's outcome) did to a contract: followed (the contract's version after it), or
 * refused by a rule or for an unknown contract ({@code refusal}), which asking again cannot change.
 */
public record RatingFollowed(String contractId, Long version, String refusal) {

    public boolean refused() {
        return refusal != null;
    }
}
