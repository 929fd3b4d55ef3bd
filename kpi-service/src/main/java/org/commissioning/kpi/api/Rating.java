package org.commissioning.kpi.api;

/** What a threshold band rates a value: Stretch above Green where a KPI has a stretch target. */
public enum Rating {
    STRETCH, GREEN, AMBER, RED
}
