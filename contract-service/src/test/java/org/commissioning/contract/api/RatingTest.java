package org.commissioning.contract.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatingTest {

    @Test
    void readsAPublishedRatingWhateverItsCaseAndSurroundingBlanks() {
        assertThat(Rating.parse("RED")).contains(Rating.RED);
        assertThat(Rating.parse(" amber ")).contains(Rating.AMBER);
        assertThat(Rating.parse("Not_Rated")).contains(Rating.NOT_RATED);
    }

    @Test
    void readsNothingOutsideTheVocabulary() {
        assertThat(Rating.parse("PURPLE")).isEmpty();
        assertThat(Rating.parse("")).isEmpty();
        assertThat(Rating.parse(null)).isEmpty();
    }

    @Test
    void everyRatingButNotRatedCallsForACadence() {
        assertThat(MonitoringCadence.forRating(Rating.STRETCH)).isEqualTo(MonitoringCadence.QUARTERLY);
        assertThat(MonitoringCadence.forRating(Rating.GREEN)).isEqualTo(MonitoringCadence.QUARTERLY);
        assertThat(MonitoringCadence.forRating(Rating.AMBER)).isEqualTo(MonitoringCadence.BI_MONTHLY);
        assertThat(MonitoringCadence.forRating(Rating.RED)).isEqualTo(MonitoringCadence.MONTHLY);
        assertThat(MonitoringCadence.forRating(Rating.NOT_RATED)).isNull();
    }
}
