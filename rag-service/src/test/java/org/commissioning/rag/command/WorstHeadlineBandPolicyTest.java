package org.commissioning.rag.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.Rating;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorstHeadlineBandPolicyTest {

    static final FrameworkVersion FRAMEWORK = Bands.framework(1, YearMonth.of(2018, 4));

    static Map<String, KpiInput> inputs(Object... codeAndBand) {
        Map<String, KpiInput> inputs = new LinkedHashMap<>();
        for (int i = 0; i < codeAndBand.length; i += 2) {
            String code = (String) codeAndBand[i];
            inputs.put(code, new KpiInput(code, new BigDecimal("50"), null, null, "PROVIDER", 1,
                    (Rating) codeAndBand[i + 1], false));
        }
        return inputs;
    }

    @Test
    void isVersioned() {
        assertThat(WorstHeadlineBandPolicy.VERSION).isEqualTo("worst-headline-band.v1");
    }

    @ParameterizedTest(name = "triage {0}, crisis {1}: {2}")
    @CsvSource({"GREEN, AMBER, AMBER", "RED, STRETCH, RED", "GREEN, GREEN, GREEN", "STRETCH, STRETCH, GREEN",
            "STRETCH, GREEN, GREEN"})
    void takesTheWorstHeadlineBandCountingStretchAsGreen(Rating triage, Rating crisis, Rating rating) {
        assertThat(WorstHeadlineBandPolicy.rate(FRAMEWORK, inputs(Bands.TRIAGE_CODE, triage,
                Bands.CRISIS_CODE, crisis)).rating()).isEqualTo(rating);
    }

    @Test
    void ignoresKpisThatAreNotHeadline() {
        WorstHeadlineBandPolicy.Outcome outcome = WorstHeadlineBandPolicy.rate(FRAMEWORK, inputs(
                Bands.TRIAGE_CODE, Rating.GREEN, Bands.CRISIS_CODE, Rating.GREEN, Bands.REACH_CODE, Rating.RED));
        assertThat(outcome.rating()).isEqualTo(Rating.GREEN);
        assertThat(outcome.evidence()).extracting(KpiEvidence::kpiCode)
                .containsExactly(Bands.TRIAGE_CODE, Bands.CRISIS_CODE);
    }

    @Test
    void aMissingHeadlineValueIsNotRatedNeverAGuess() {
        WorstHeadlineBandPolicy.Outcome outcome = WorstHeadlineBandPolicy.rate(FRAMEWORK,
                inputs(Bands.TRIAGE_CODE, Rating.RED, Bands.REACH_CODE, Rating.GREEN));
        assertThat(outcome.rating()).isEqualTo(Rating.NOT_RATED);
        assertThat(outcome.missingHeadlines()).containsExactly(Bands.CRISIS_CODE);
        assertThat(outcome.evidence()).extracting(KpiEvidence::kpiCode).containsExactly(Bands.TRIAGE_CODE);
        assertThat(WorstHeadlineBandPolicy.rate(FRAMEWORK, Map.of()).rating()).isEqualTo(Rating.NOT_RATED);
    }

    @Test
    void recordsTheValuesSourcesBandsAndFrameworkVersionsAsEvidence() {
        Map<String, KpiInput> given = Map.of(
                Bands.TRIAGE_CODE, new KpiInput(Bands.TRIAGE_CODE, new BigDecimal("66.67"), 2L, 3L, "COUNCIL", 1,
                        Rating.RED, true),
                Bands.CRISIS_CODE, new KpiInput(Bands.CRISIS_CODE, new BigDecimal("97"), null, null, "PROVIDER", 1,
                        Rating.STRETCH, false));
        assertThat(WorstHeadlineBandPolicy.rate(FRAMEWORK, given).evidence()).containsExactly(
                new KpiEvidence(Bands.TRIAGE_CODE, "calls-triaged-24h", new BigDecimal("66.67"), 2L, 3L, "COUNCIL",
                        Rating.RED, 1),
                new KpiEvidence(Bands.CRISIS_CODE, "crisis-treated-4h", new BigDecimal("97"), null, null, "PROVIDER",
                        Rating.STRETCH, 1));
    }
}
