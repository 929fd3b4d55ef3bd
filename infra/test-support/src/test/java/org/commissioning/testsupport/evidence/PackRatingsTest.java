package org.commissioning.testsupport.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.commissioning.testsupport.evidence.PackRatings.KpiValue;
import org.commissioning.testsupport.evidence.PackRatings.Mismatch;
import org.junit.jupiter.api.Test;

/** The auditor's re-derivation against hand-written pack files, each rule of the policy's definition in turn. */
class PackRatingsTest {

    static final String POLICIES = """
            [ {
              "id" : "worst-headline-band.v1",
              "combine" : "worst",
              "countsAs" : { "AMBER" : "AMBER", "GREEN" : "GREEN", "RED" : "RED", "STRETCH" : "GREEN" },
              "worstFirst" : [ "RED", "AMBER", "GREEN" ],
              "anyHeadlineMissing" : "NOT_RATED",
              "noHeadline" : "NOT_RATED",
              "frameworkInForce" : { "none" : "NOT_RATED" }
            } ]
            """;
    /** v1 from 2018-04: A (headline) Amber [60, 66.67), Green [66.67, 95], Stretch (95, open); B (headline) Red
     * below 50, Green from 50; v2 from 2018-04 too, recorded at sequence 9, with A alone, its bounds moved. */
    static final String BANDS = """
            frameworkVersion,effectiveFrom,sequence,recordedAt,kpiCode,unit,direction,headline,band,lower,lowerInclusive,upper,upperInclusive
            1,2018-04,0,2018-04-01T00:00:00Z,A,PERCENT,HIGHER_IS_BETTER,true,AMBER,60,true,66.67,false
            1,2018-04,0,2018-04-01T00:00:00Z,A,PERCENT,HIGHER_IS_BETTER,true,GREEN,66.67,true,95,true
            1,2018-04,0,2018-04-01T00:00:00Z,A,PERCENT,HIGHER_IS_BETTER,true,STRETCH,95,false,,false
            1,2018-04,0,2018-04-01T00:00:00Z,B,NUMBER,HIGHER_IS_BETTER,true,RED,,false,50,false
            1,2018-04,0,2018-04-01T00:00:00Z,B,NUMBER,HIGHER_IS_BETTER,true,GREEN,50,true,,false
            2,2018-04,9,2018-06-01T00:00:00Z,A,PERCENT,HIGHER_IS_BETTER,true,RED,0,true,99,false
            2,2018-04,9,2018-06-01T00:00:00Z,A,PERCENT,HIGHER_IS_BETTER,true,GREEN,99,true,100,true
            """;
    static final String RATINGS_HEADER = "period,sequence,recordedAt,computedRating,rating,basis,provisional,"
            + "policyVersion,frameworkVersions,missingHeadlines,notValidated,ratedBy,actor,actorName,causedBy,"
            + "rationale,reason\n";
    static final String EVIDENCE_HEADER = "period,sequence,kpiCode,value,numerator,denominator,source,band,"
            + "frameworkVersion\n";

    static Map<String, String> pack(String ratings, String evidence) {
        return Map.of(PackRatings.POLICIES, POLICIES, PackRatings.BANDS, BANDS,
                PackRatings.RATINGS, RATINGS_HEADER + ratings, PackRatings.EVIDENCE, EVIDENCE_HEADER + evidence);
    }

    static String rating(String period, int sequence, String computed, String rating, String basis,
                         String missing) {
        return period + "," + sequence + ",2018-05-01T00:00:00Z," + computed + "," + rating + "," + basis
                + ",false,worst-headline-band.v1,1," + missing + ",,rag-service,system,system,,,\n";
    }

    @Test
    void ratesAFractionExactlyNotByItsRoundedPercentage() {
        String evidence = "2018-04,2,A,66.67,2,3,PROVIDER,AMBER,1\n2018-04,2,B,70,,,PROVIDER,GREEN,1\n";

        assertThat(PackRatings.rederive(pack(rating("2018-04", 2, "AMBER", "AMBER", "COMPUTED", ""), evidence)))
                .isEmpty();
        List<Mismatch> rounded = PackRatings.rederive(pack(rating("2018-04", 2, "GREEN", "GREEN", "COMPUTED", ""),
                evidence.replace("AMBER", "GREEN")));
        assertThat(rounded).extracting(Mismatch::recorded, Mismatch::recomputed).containsExactly(
                tuple("GREEN", "AMBER"));
        assertThat(rounded.get(0).reasons()).contains("KPI A = 66.67 (2/3) rates AMBER under framework version 1, "
                + "recorded GREEN");
    }

    @Test
    void countsStretchAsGreenAndTakesTheWorstHeadline() {
        assertThat(PackRatings.rederive(pack(rating("2018-04", 2, "GREEN", "GREEN", "COMPUTED", ""),
                "2018-04,2,A,97,,,PROVIDER,STRETCH,1\n2018-04,2,B,51,,,PROVIDER,GREEN,1\n"))).isEmpty();
        assertThat(PackRatings.rederive(pack(rating("2018-04", 2, "RED", "RED", "COMPUTED", ""),
                "2018-04,2,A,97,,,PROVIDER,STRETCH,1\n2018-04,2,B,49.99,,,PROVIDER,RED,1\n"))).isEmpty();
    }

    @Test
    void aMissingHeadlineIsNotRatedAndAnOfficersRatingIsNotDerived() {
        assertThat(PackRatings.rederive(pack(rating("2018-04", 2, "NOT_RATED", "AMBER", "OFFICER", "B"),
                "2018-04,2,A,97,,,PROVIDER,STRETCH,1\n"))).isEmpty();

        List<Mismatch> unnamed = PackRatings.rederive(pack(rating("2018-04", 2, "NOT_RATED", "NOT_RATED",
                "COMPUTED", ""), "2018-04,2,A,97,,,PROVIDER,STRETCH,1\n"));
        assertThat(unnamed).singleElement().satisfies(m -> assertThat(m.reasons())
                .containsExactly("headlines without a value: recorded [], recomputed [B]"));
    }

    @Test
    void usesOnlyTheFrameworkVersionsRecordedBeforeTheRating() {
        String evidence = "2018-04,%d,A,90,,,PROVIDER,GREEN,1\n2018-04,%d,B,70,,,PROVIDER,GREEN,1\n";

        assertThat(PackRatings.rederive(pack(rating("2018-04", 2, "GREEN", "GREEN", "COMPUTED", ""),
                evidence.formatted(2, 2)))).isEmpty();
        assertThat(PackRatings.rederive(pack(rating("2018-04", 12, "GREEN", "GREEN", "COMPUTED", ""),
                evidence.formatted(12, 12)))).as("version 2 is in force from sequence 9: B is no headline of it")
                .singleElement().satisfies(m -> assertThat(m.reasons()).containsExactly(
                        "KPI B is not a headline of framework version 2, in force for 2018-04"));
    }

    @Test
    void aComputedRatingOtherThanTheComputedOneOrAnUnknownPolicyIsAMismatch() {
        String evidence = "2018-04,2,A,90,,,PROVIDER,GREEN,1\n2018-04,2,B,70,,,PROVIDER,GREEN,1\n";

        assertThat(PackRatings.rederive(pack(rating("2018-04", 2, "GREEN", "RED", "COMPUTED", ""), evidence)))
                .singleElement().satisfies(m -> assertThat(m.reasons()).containsExactly(
                        "rating RED is recorded with basis COMPUTED beside the computed rating GREEN"));
        assertThat(PackRatings.rederive(pack(rating("2018-04", 2, "GREEN", "GREEN", "COMPUTED", "")
                .replace("worst-headline-band.v1", "best-band.v9"), evidence))).singleElement()
                .satisfies(m -> assertThat(m.reasons()).containsExactly(
                        "policy best-band.v9 is not defined in ratings/policies.json"));
    }

    @Test
    void crossChecksTheLatestRatingOfEachPeriodAgainstTheValuesItShouldRestOn() {
        Map<String, String> pack = pack(rating("2018-04", 2, "GREEN", "GREEN", "COMPUTED", "")
                        + rating("2018-04", 5, "NOT_RATED", "NOT_RATED", "COMPUTED", "B"),
                "2018-04,2,A,90,,,PROVIDER,GREEN,1\n2018-04,2,B,70,,,PROVIDER,GREEN,1\n"
                        + "2018-04,5,A,91,,,PROVIDER,GREEN,1\n");

        assertThat(PackRatings.crossCheck(pack, List.of(new KpiValue("2018-04", "A", new BigDecimal("91.0")))))
                .as("the superseded rating is not checked").isEmpty();
        assertThat(PackRatings.crossCheck(pack, List.of(new KpiValue("2018-04", "A", new BigDecimal("92")),
                new KpiValue("2018-04", "B", new BigDecimal("70"))))).extracting(Mismatch::sequence,
                Mismatch::recorded, Mismatch::recomputed).containsExactly(
                tuple(5L, "91", "92"),
                tuple(5L, null, "70"));
    }
}
