package org.commissioning.contract.api;

public enum LotScope {
    /** County-wide: no names. */
    COUNTY,
    /** One or more of the four areas. */
    AREA,
    /** One or more of the twelve districts. */
    DISTRICT
}
