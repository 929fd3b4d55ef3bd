package org.commissioning.contract.api;

/** The council's decision on one period's payment (004, 3.1): the funder releases it only once authorised. */
public enum PaymentDecision {
    AUTHORISED,
    WITHHELD
}
