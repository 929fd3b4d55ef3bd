package org.commissioning.rag.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.commissioning.rag.api.BandSpec;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RatingRecord;
import org.commissioning.rag.api.Rederivation;
import org.commissioning.rag.api.Rederivation.Mismatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RederiverTest {

    static final String CONTRACT = "c-1";
    static final String POLICY = WorstHeadlineBandPolicy.VERSION;
    static final String TRIAGE = Bands.TRIAGE_CODE;
    static final String CRISIS = Bands.CRISIS_CODE;
    static final FrameworkVersion V1 = Bands.framework(1, YearMonth.of(2018, 4));
    /** From May triage is the only headline, and 90 to 95 rates AMBER. */
    static final FrameworkVersion V2 = new FrameworkVersion(2, YearMonth.of(2018, 5), List.of(
            new KpiSpec(TRIAGE, "triage", "PERCENT", "HIGHER_IS_BETTER", true, List.of(
                    new BandSpec(Rating.RED, new BigDecimal("0"), true, new BigDecimal("90"), false),
                    new BandSpec(Rating.AMBER, new BigDecimal("90"), true, new BigDecimal("95"), false),
                    new BandSpec(Rating.GREEN, new BigDecimal("95"), true, new BigDecimal("100"), true))),
            Bands.kpi(CRISIS, false)));
    static final Map<Integer, FrameworkVersion> FRAMEWORKS = Map.of(1, V1, 2, V2);

    static KpiEvidence evidence(String code, String value, Rating band, int version) {
        return new KpiEvidence(code, code.toLowerCase(), new BigDecimal(value), null, null, "PROVIDER", band, version);
    }

    static RatingRecord rated(long sequence, String period, Basis basis, Rating rating, Rating computed,
                              String policy, List<KpiEvidence> evidence, List<String> missing,
                              List<Integer> versions) {
        return new RatingRecord("e-" + sequence, CONTRACT, "ContractRated", sequence, Instant.EPOCH, "system", null,
                period, rating, computed, basis, false, policy, evidence, missing, versions,
                basis == Basis.OFFICER ? "officer.jones" : "rag-service", null, null, null, null, null, List.of(),
                null, null, null, null, null);
    }

    /** April under version 1: triage GREEN, crisis AMBER, so AMBER. */
    static RatingRecord april(long sequence, Rating computed, KpiEvidence triage) {
        return rated(sequence, "2018-04", Basis.COMPUTED, computed, computed, POLICY,
                List.of(triage, evidence(CRISIS, "86", Rating.AMBER, 1)), List.of(), List.of(1));
    }

    /** April's evidence under version 1 that rates AMBER: triage 92 GREEN, crisis 86 AMBER. */
    static List<KpiEvidence> aprilEvidence() {
        return april(2, Rating.AMBER, evidence(TRIAGE, "92", Rating.GREEN, 1)).evidence();
    }

    static Rederivation check(RatingRecord... records) {
        return Rederiver.check(CONTRACT, List.of(records), FRAMEWORKS);
    }

    static Mismatch onlyMismatch(Rederivation rederivation) {
        assertThat(rederivation.mismatches()).hasSize(1);
        return rederivation.mismatches().get(0);
    }

    @Test
    void findsNothingToReportInAConsistentRecord() {
        Rederivation rederivation = check(april(2, Rating.AMBER, evidence(TRIAGE, "92", Rating.GREEN, 1)));

        assertThat(rederivation.contractId()).isEqualTo(CONTRACT);
        assertThat(rederivation.policyVersion()).isEqualTo(POLICY);
        assertThat(rederivation.checked()).isEqualTo(1);
        assertThat(rederivation.mismatches()).isEmpty();
    }

    /** Records that differ from what their evidence yields in one respect: what is recomputed and why. */
    static Stream<Arguments> recordsThatDoNotRederive() {
        return Stream.of(
                Arguments.of("an evidence value that rates another band",
                        april(2, Rating.AMBER, evidence(TRIAGE, "70", Rating.GREEN, 1)), Rating.RED, List.of(
                                "KPI CALLS-TRIAGED-24H = 70 rates RED under framework version 1, recorded GREEN",
                                "the evidence rates RED, recorded AMBER")),
                Arguments.of("a changed band", april(2, Rating.AMBER, evidence(TRIAGE, "92", Rating.AMBER, 1)),
                        Rating.AMBER, List.of(
                                "KPI CALLS-TRIAGED-24H = 92 rates GREEN under framework version 1, recorded AMBER")),
                Arguments.of("a changed computed rating",
                        april(2, Rating.GREEN, evidence(TRIAGE, "92", Rating.GREEN, 1)), Rating.AMBER,
                        List.of("the evidence rates AMBER, recorded GREEN")),
                Arguments.of("a rating recorded under another policy version",
                        rated(2, "2018-04", Basis.COMPUTED, Rating.AMBER, Rating.AMBER, "worst-headline-band.v0",
                                aprilEvidence(), List.of(), List.of(1)), Rating.AMBER, List.of(
                                "recorded under policy worst-headline-band.v0, recomputed under worst-headline-band.v1")),
                Arguments.of("an unknown framework version, recomputing nothing",
                        rated(2, "2018-06", Basis.COMPUTED, Rating.GREEN, Rating.GREEN, POLICY,
                                List.of(evidence(TRIAGE, "97", Rating.GREEN, 3)), List.of(), List.of(3)), null,
                        List.of("framework version 3 is not recorded for the contract")),
                Arguments.of("a computed basis whose rating is not its computed rating",
                        rated(2, "2018-04", Basis.COMPUTED, Rating.GREEN, Rating.AMBER, POLICY, aprilEvidence(),
                                List.of(), List.of(1)), Rating.AMBER, List.of(
                                "rating GREEN is recorded with basis COMPUTED beside the computed rating AMBER")),
                Arguments.of("missing headlines that differ",
                        rated(2, "2018-04", Basis.COMPUTED, Rating.NOT_RATED, Rating.NOT_RATED, POLICY,
                                List.of(evidence(TRIAGE, "92", Rating.GREEN, 1)), List.of(), List.of(1)),
                        Rating.NOT_RATED, List.of(
                                "headlines without a value: recorded [], recomputed [CRISIS-TREATED-4H]")),
                Arguments.of("a computed rating without a framework in force",
                        rated(2, "2018-03", Basis.COMPUTED, Rating.GREEN, Rating.GREEN, POLICY,
                                List.of(evidence(TRIAGE, "92", Rating.GREEN, 1)), List.of(), List.of(1)), null,
                        List.of("none of the rating's framework versions [1] is in force for 2018-03")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsThatDoNotRederive")
    void reportsWhatARecordDoesNotRederive(String scenario, RatingRecord record, Rating recomputed,
                                           List<String> reasons) {
        Mismatch mismatch = onlyMismatch(check(record));

        assertThat(mismatch.period()).isEqualTo(record.period());
        assertThat(mismatch.sequence()).isEqualTo(record.sequence());
        assertThat(mismatch.recorded()).isEqualTo(record.computedRating());
        assertThat(mismatch.recomputed()).isEqualTo(recomputed);
        assertThat(mismatch.reasons()).containsExactlyElementsOf(reasons);
    }

    @Test
    void checksAnOfficersRecordOnItsComputedRatingOnly() {
        RatingRecord consistent = rated(3, "2018-04", Basis.OFFICER, Rating.GREEN, Rating.AMBER, POLICY,
                aprilEvidence(), List.of(), List.of(1));
        RatingRecord tampered = rated(5, "2018-04", Basis.OFFICER, Rating.GREEN, Rating.RED, POLICY,
                consistent.evidence(), List.of(), List.of(1));

        Rederivation rederivation = check(consistent, tampered);

        assertThat(rederivation.checked()).isEqualTo(2);
        Mismatch mismatch = onlyMismatch(rederivation);
        assertThat(mismatch.sequence()).isEqualTo(5);
        assertThat(mismatch.reasons()).containsExactly("the evidence rates AMBER, recorded RED");
    }

    @Test
    void acceptsAnOfficersRatingOfAPeriodWithoutKpiDataOnlyWithoutEvidence() {
        RatingRecord withoutData = rated(1, "2018-03", Basis.OFFICER, Rating.RED, Rating.NOT_RATED, POLICY,
                List.of(), List.of(), List.of());
        RatingRecord withEvidence = rated(2, "2018-03", Basis.OFFICER, Rating.RED, Rating.NOT_RATED, POLICY,
                List.of(evidence(TRIAGE, "70", Rating.RED, 1)), List.of(), List.of());

        Rederivation rederivation = Rederiver.check(CONTRACT, List.of(withoutData, withEvidence), Map.of());

        Mismatch mismatch = onlyMismatch(rederivation);
        assertThat(mismatch.sequence()).isEqualTo(2);
        assertThat(mismatch.reasons()).containsExactly(
                "evidence of KPI CALLS-TRIAGED-24H is recorded without a framework version");
    }

    @Test
    void ratesUnderTheRecordedVersionInForceForThePeriod() {
        RatingRecord may = rated(4, "2018-05", Basis.COMPUTED, Rating.AMBER, Rating.AMBER, POLICY,
                List.of(evidence(TRIAGE, "92", Rating.AMBER, 2)), List.of(), List.of(2));
        RatingRecord mayUnderTheFirstVersion = rated(6, "2018-05", Basis.COMPUTED, Rating.AMBER, Rating.AMBER,
                POLICY, List.of(evidence(TRIAGE, "92", Rating.AMBER, 1)), List.of(), List.of(1, 2));

        Rederivation rederivation = check(april(2, Rating.AMBER, evidence(TRIAGE, "92", Rating.GREEN, 1)), may,
                mayUnderTheFirstVersion);

        assertThat(rederivation.checked()).isEqualTo(3);
        Mismatch mismatch = onlyMismatch(rederivation);
        assertThat(mismatch.sequence()).isEqualTo(6);
        assertThat(mismatch.reasons()).containsExactly(
                "KPI CALLS-TRIAGED-24H = 92 rates GREEN under framework version 1, recorded AMBER",
                "the evidence rates GREEN, recorded AMBER");
    }

    @Test
    void ratesAFractionExactlyRatherThanItsRoundedValue() {
        KpiEvidence triage = new KpiEvidence(TRIAGE, "triage", new BigDecimal("90"), 899L, 1000L, "PROVIDER",
                Rating.AMBER, 1);

        assertThat(check(april(2, Rating.AMBER, triage)).mismatches()).isEmpty();
    }

    @Test
    void checksOnlyContractRatedEntriesInTheOrderOfTheStream() {
        RatingRecord changed = new RatingRecord("e-3", CONTRACT, "RagChanged", 3, Instant.EPOCH, "system", null,
                "2018-04", Rating.RED, null, Basis.COMPUTED, null, null, null, null, null, null, null, null,
                Rating.RED, null, null, null, null, null, null, null, null);

        Rederivation rederivation = check(april(4, Rating.GREEN, evidence(TRIAGE, "92", Rating.GREEN, 1)), changed,
                april(2, Rating.RED, evidence(TRIAGE, "92", Rating.GREEN, 1)));

        assertThat(rederivation.checked()).isEqualTo(2);
        assertThat(rederivation.mismatches()).extracting(Mismatch::sequence).containsExactly(2L, 4L);
    }
}
