package org.commissioning.kpi.command;

/** A value's place in a return: its KPI (as coded in the framework) and district (null for the total). */
public record ValueKey(String kpiCode, String district) {

    @Override
    public String toString() {
        return kpiCode + (district == null ? "" : " (" + district + ")");
    }

    /** "total" or "value for Dover", for messages. */
    String what() {
        return district == null ? "total" : "value for " + district;
    }
}
