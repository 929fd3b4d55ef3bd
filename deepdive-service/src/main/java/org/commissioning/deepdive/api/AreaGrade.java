package org.commissioning.deepdive.api;

/** An area's grade, as a completed deep dive records it. */
public record AreaGrade(Area area, Grade grade) {
}
