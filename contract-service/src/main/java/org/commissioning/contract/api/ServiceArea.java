package org.commissioning.contract.api;

/** The commissioned service areas of the Early Help offer. */
public enum ServiceArea {
    FAMILY_SUPPORT("Family Support"),
    YOUNG_CARERS("Young Carers"),
    CHILDRENS_CENTRES("Children's Centres"),
    YOUTH("Youth"),
    NEETS("NEETs"),
    EMOTIONAL_HEALTH_AND_WELLBEING("Emotional Health and Wellbeing"),
    LOCAL_GRANTS("Local Grants");

    private final String label;

    ServiceArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
