package org.commissioning.contract.api;

/** All contracts, optionally only those of one service area (null for all). */
public record ListContractsQuery(ServiceArea serviceArea) {
}
