package org.commissioning.contract.api;

/** The commissioned service areas of the Early Help offer. */
public enum ServiceArea {
    FAMILY_SUPPORT,
    YOUNG_CARERS,
    CHILDRENS_CENTRES,
    YOUTH,
    NEETS,
    EMOTIONAL_HEALTH_AND_WELLBEING,
    LOCAL_GRANTS;

    /** The words for it ({@link Vocabulary#label}). */
    public String label() {
        return Vocabulary.label(this);
    }
}
