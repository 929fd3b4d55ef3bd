package org.commissioning.rag.api;

import java.util.List;

/**
 * A KPI's rating in a draft notice, with what it rests on.
 *
 * @param months      each month of the assessment year the KPI was in the framework in force, with its band
 *                    (null where no value was rated)
 * @param ratedMonths how many of those months have a band
 * @param redMonths   how many of them are RED
 * @param rating      the notice rating the policy derives
 * @param rule        which rule of the policy gave it, in words
 */
public record KpiNoticeAssessment(String kpiCode, String name, List<MonthBand> months, int ratedMonths, int redMonths,
                                  NoticeRating rating, String rule) {

    public KpiNoticeAssessment {
        months = List.copyOf(months);
    }

    /** A month's band of the KPI (the value rated: the provider's, the council's where the provider gave none). */
    public record MonthBand(String period, Rating band) {
    }
}
