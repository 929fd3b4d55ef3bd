package org.commissioning.deepdive.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A row of a programme year's table (the columns of the source report's Fig. 1).
 *
 * @param grade    the overall grade once complete; null before, and for a historic record
 * @param historic recorded complete from a historic source, without grades
 */
public record ProgrammeRow(String contractId, String provider, List<String> districts, DeepDiveStatus status,
                           LocalDate dueDate, Grade grade, boolean historic) {
}
