package org.commissioning.contract.api;

/**
 * Contracts matching every filter given; a null filter matches all.
 *
 * @param area     contracts whose lot covers this area
 * @param district contracts whose lot covers this district
 * @param provider the provider's name, ignoring case
 * @param rag      the contract's overall rating (RED, AMBER, GREEN); not yet known to this service, so only
 *                 a null filter matches for now
 */
public record ListContractsQuery(
        ServiceArea serviceArea,
        String area,
        String district,
        ContractStatus status,
        String provider,
        String rag) {

    public static ListContractsQuery all() {
        return new ListContractsQuery(null, null, null, null, null, null);
    }
}
