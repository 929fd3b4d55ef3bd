package org.commissioning.contract.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VocabularyTest {

    static Stream<Enum<?>> labelledValues() {
        return Stream.of(ServiceArea.values(), PlanKind.values(), TerminationInitiator.values(),
                RecommissioningRoute.values()).flatMap(Stream::of);
    }

    @ParameterizedTest
    @MethodSource("labelledValues")
    void wordsEveryValueOfTheLabelledSetsInItsOwnWords(Enum<?> value) {
        assertThat(Vocabulary.label(value)).isNotBlank().isNotEqualTo(value.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MINI_PROCUREMENT", "mini_procurement", " Mini_Procurement "})
    void readsAValueIgnoringCaseAndSurroundingBlanks(String text) {
        assertThat(Vocabulary.parse(RecommissioningRoute.class, text)).contains(RecommissioningRoute.MINI_PROCUREMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MINI PROCUREMENT", "TENDER"})
    void readsNothingOutsideTheSet(String text) {
        assertThat(Vocabulary.parse(RecommissioningRoute.class, text)).isEmpty();
    }

    @Test
    void keepsTheWordsOfTheHistory() {
        assertThat(ServiceArea.CHILDRENS_CENTRES.label()).isEqualTo("Children's Centres");
        assertThat(PlanKind.ACTION_PLAN.label()).isEqualTo("Action plan");
        assertThat(Vocabulary.label(LotScope.COUNTY)).isEqualTo("COUNTY");
    }
}
